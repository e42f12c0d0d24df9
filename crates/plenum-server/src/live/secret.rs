//! The random values of a poll: trackers (shown once to a voter), check-in codes, and the
//! key of a poll's owner tags, with the tag itself.

use rand_core::{OsRng, RngCore};

/// Crockford's base-32 alphabet: no I, L, O or U, so a tracker read aloud or copied by
/// hand is not mistaken.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `groups` groups of four base-32 characters (20 random bits each), joined by `-`.
fn random_groups(groups: usize) -> String {
    let mut out = String::with_capacity(groups * 5);
    for g in 0..groups {
        if g > 0 {
            out.push('-');
        }
        let bits = OsRng.next_u32();
        for i in 0..4 {
            out.push(ALPHABET[((bits >> (i * 5)) & 31) as usize] as char);
        }
    }
    out
}

/// A new tracker: 100 random bits, `XXXX-XXXX-XXXX-XXXX-XXXX`.
pub fn new_tracker() -> String {
    random_groups(5)
}

/// A new one-time check-in code: 60 random bits, `XXXX-XXXX-XXXX`.
pub fn new_code() -> String {
    random_groups(3)
}

/// A new key for a poll's owner tags: 256 random bits, hex.
pub fn new_owner_key() -> String {
    let mut key = [0u8; 32];
    OsRng.fill_bytes(&mut key);
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// The owner tag of `voter`'s ballot under a poll's key: a keyed BLAKE3 hash, which
/// nobody without the key (erased when the poll closes) can link to the voter.
pub fn owner_tag(key_hex: &str, voter: &str) -> String {
    let mut key = [0u8; 32];
    for (i, byte) in key.iter_mut().enumerate() {
        *byte = key_hex
            .get(i * 2..i * 2 + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0);
    }
    blake3::keyed_hash(&key, voter.as_bytes())
        .to_hex()
        .to_string()
}

/// A tracker's canonical form: upper case, without spaces; `None` if it is not one.
pub fn normalize_tracker(text: &str) -> Option<String> {
    let upper: String = text
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = upper.len() == 24
        && upper.split('-').count() == 5
        && upper
            .split('-')
            .all(|g| g.len() == 4 && g.bytes().all(|b| ALPHABET.contains(&b)));
    valid.then_some(upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trackers_are_random_and_read_back() {
        let a = new_tracker();
        let b = new_tracker();
        assert_ne!(a, b);
        assert_eq!(normalize_tracker(&a.to_lowercase()), Some(a.clone()));
        assert_eq!(normalize_tracker("not-a-tracker"), None);
        assert_eq!(new_code().len(), 14);
    }

    #[test]
    fn owner_tags_depend_on_key_and_voter() {
        let key = new_owner_key();
        assert_eq!(owner_tag(&key, "ann"), owner_tag(&key, "ann"));
        assert_ne!(owner_tag(&key, "ann"), owner_tag(&key, "bob"));
        assert_ne!(owner_tag(&key, "ann"), owner_tag(&new_owner_key(), "ann"));
    }
}
