//! The statute an import fits: one given (its organizations' organs and posts, matched to
//! the file's bodies and posts), or the least one proposed for the main organization.

use super::Popolo;
use super::facts::most_holders;
use super::ids::{Ids, slug};
use super::import::{ImportError, error};
use super::plan::{Chamber, Ctx, Seats};

/// One organization of a statute: its organs and posts, as (key, name).
#[derive(Clone, Debug, Default)]
pub struct StatuteOrg {
    /// The organization.
    pub org: String,
    /// Its organs.
    pub organs: Vec<(String, String)>,
    /// Its posts.
    pub posts: Vec<(String, String)>,
}

/// A statute the import must fit.
#[derive(Clone, Debug, Default)]
pub struct Statute {
    /// Every organization it has versions for.
    pub orgs: Vec<StatuteOrg>,
    /// The organization of its latest version: the file's main organization becomes it,
    /// unless the main organization is one of `orgs` already.
    pub main: String,
}

impl Statute {
    fn org(&self, org: &str) -> Option<&StatuteOrg> {
        self.orgs.iter().find(|o| o.org == org)
    }

    /// Whether the statute declares this organ.
    pub fn has_organ(&self, org: &str, key: &str) -> bool {
        self.org(org)
            .is_some_and(|o| o.organs.iter().any(|(k, _)| k == key))
    }

    /// Whether the statute declares this post.
    pub fn has_post(&self, org: &str, key: &str) -> bool {
        self.org(org)
            .is_some_and(|o| o.posts.iter().any(|(k, _)| k == key))
    }

    /// Fits the file's bodies to the statute: the main organization becomes the statute's
    /// (unless it is one of its organizations already), and each body of a statute
    /// organization is matched to its organ by key or name (or, for the main organization,
    /// to its only organ). Returns the main organization.
    pub(super) fn fit(
        &self,
        main: Option<&str>,
        chambers: &mut [Chamber],
        orgs: &mut Ids,
    ) -> Result<String, ImportError> {
        let target = match main {
            Some(m) if self.org(m).is_some() => m.to_owned(),
            _ => self.main.clone(),
        };
        if let Some(m) = main
            && m != target
        {
            orgs.rename(m, &target);
            for c in chambers.iter_mut().filter(|c| c.owner == m) {
                c.owner.clone_from(&target);
            }
        }
        for c in chambers.iter_mut() {
            let Some(org) = self.org(&c.owner) else {
                continue;
            };
            let found = org
                .organs
                .iter()
                .find(|(key, name)| key == &c.key || slug(name) == slug(&c.name))
                .or(if c.owner == target && org.organs.len() == 1 {
                    org.organs.first()
                } else {
                    None
                });
            match found {
                Some((key, _)) => key.clone_into(&mut c.key),
                None if c.owner == target => {
                    let keys: Vec<&str> = org.organs.iter().map(|(k, _)| k.as_str()).collect();
                    return Err(error(
                        format!("$.organizations[{}]", c.index),
                        format!(
                            "the statute of {} has no organ for `{}` (it has: {})",
                            c.owner,
                            c.name,
                            keys.join(", ")
                        ),
                    ));
                }
                None => {}
            }
        }
        Ok(target)
    }
}

/// The least statute under which the import stands: the main organization with its
/// organs (their most seats held at once) and posts (their most holders at once), and
/// nothing else.
pub(super) fn propose(ctx: &Ctx<'_>, main: &str, chambers: &[Chamber], seats: &Seats) -> String {
    let toml_str = |s: &str| serde_json::Value::String(s.to_owned()).to_string();
    let p: &Popolo = ctx.popolo;
    let name = chambers
        .iter()
        .find(|c| c.owner == main && c.own)
        .map(|c| c.name.clone())
        .or_else(|| {
            p.organizations
                .iter()
                .find(|o| o.id.as_deref().and_then(|id| ctx.orgs.get(id)) == Some(main))
                .and_then(|o| o.name.clone())
        })
        .unwrap_or_else(|| main.to_owned());
    let mut text = format!(
        "# Proposed by `plenum import popolo` from {}: the least statute under which the\n\
         # import stands (its organs and posts, with the most seats and holders at once).\n\
         # Write the real rules in it (docs/statute.md) and give it with --statute.\n\
         organization = {}\ntitle = {}\n\n[[version]]\nid = \"popolo\"\neffective = {}\n",
        ctx.file,
        toml_str(main),
        toml_str(&format!("{name} (proposed from Popolo)")),
        toml_str(&ctx.base.to_string()),
    );
    for c in chambers.iter().filter(|c| c.owner == main) {
        let organ = format!("{}/{}", c.owner, c.key);
        let full = seats.get(&organ).copied().unwrap_or(0).max(1);
        text.push_str(&format!(
            "\n[[version.organ]]\nid = {}\nname = {}\nseats = {{ full = {full} }}\n",
            toml_str(&c.key),
            toml_str(&c.name)
        ));
    }
    for post in &p.posts {
        let Some(org_id) = post.organization_id.as_deref() else {
            continue;
        };
        let Some(oi) = ctx.index.get(org_id).copied() else {
            continue;
        };
        if ctx.org_of(oi).as_deref() != Some(main) {
            continue;
        }
        let id = post.id.as_deref().unwrap_or_default();
        let key = slug(id.strip_prefix(&format!("{org_id}/")).unwrap_or(id));
        let label = post.label.clone().unwrap_or_else(|| id.to_owned());
        text.push_str(&format!(
            "\n[[version.post]]\nid = {}\nname = {}\n",
            toml_str(&key),
            toml_str(&label)
        ));
        let holders = most_holders(ctx, id).unwrap_or(1);
        if holders > 1 {
            text.push_str(&format!("holders = {holders}\n"));
        }
    }
    text
}
