//! An organ's declaration read: its seats, election, meetings, majorities and the
//! clauses on it, each checked and placed (`[[version.organ]]`, a subordinate's `organ`).

use super::*;

impl Reader<'_> {
    pub(super) fn organ(
        &self,
        scope: &Scope<'_>,
        mut raw: RawOrgan,
    ) -> Result<OrganDef, InputError> {
        let key = self.key(&raw.id)?;
        let constituencies = self.seats_by_constituency(scope, raw.constituencies.take())?;
        let non_voting = raw.non_voting.take();
        let non_voting = self.non_voting(scope, &raw, non_voting)?;
        let acts_for = self.acts_for(scope, &raw.id, raw.acts_for.take())?;
        let tied = std::mem::take(&mut raw.tied);
        let tied = self.tied(scope, &raw, tied)?;
        let one_vote = self.one_vote(scope, raw.one_vote.take())?;
        let weighted = self.weighted(scope, raw.weighted.take())?;
        let not_on = self.not_on(scope, raw.not_on.take())?;
        let attends = self.attends(scope, raw.attends.take())?;
        let regions = self.seats_by_region(scope, raw.regions.take())?;
        let nominations = self.nominations(scope, raw.nominations.take())?;
        let all_members = self.all_members(scope, raw.all_members.take())?;
        let record_date = self.record_date(scope, raw.record_date.take())?;
        let notice_by = self.notice_by(scope, raw.notice_by.take())?;
        let co_option = self.co_option(scope, raw.co_option.take(), raw.elected_by.as_ref())?;
        let counting = self.counting(scope, raw.counting.take())?;
        let seats_set = self.seats_set(scope, raw.seats_set.take())?;
        let off_schedule = self.off_schedule(scope, raw.off_schedule.take())?;
        let delegates = self.delegates(scope, raw.delegates.take())?;
        let led_by = self.led_by(scope, &raw.id, raw.led_by.take())?;
        let between = raw.between_elections.take();
        let between_elections = self.between_elections(scope, between, raw.elected_by.as_ref())?;
        let composed_of = self.composed_of(scope, &raw)?;
        let succession = self.succession(scope, &raw)?;
        let (term, term_meetings) = self.terms(scope, raw.term.take())?;
        let id_span = raw.id.span();
        let vacancy = self.vacancy(scope, raw.vacancy.as_ref(), raw.elected_by.as_ref())?;
        let mut majority = BTreeMap::new();
        for (kind, m) in raw.majority {
            majority.insert(kind, self.majority(scope, m, id_span.clone())?);
        }
        Ok(OrganDef {
            key,
            all_members,
            record_date,
            notice_by,
            co_option,
            counting,
            seats_set,
            off_schedule,
            delegates,
            led_by,
            between_elections,
            constituencies,
            non_voting,
            acts_for,
            tied,
            one_vote,
            weighted,
            regions,
            not_on,
            attends,
            name: raw.name,
            aliases: raw.aliases,
            kind: raw.kind,
            vacancies_by: raw
                .elected_by
                .as_ref()
                .and_then(|e| e.vacancies.as_ref())
                .map(|v| self.organ_key(scope, v))
                .transpose()?,
            composed_of,
            succession,
            procedure: Procedure {
                nominations,
                ..self.procedure(scope, raw.elected_by.as_ref())?
            },
            elected_by: raw.elected_by.map(|e| self.elector(scope, e)).transpose()?,
            seats: raw
                .seats
                .map(|s| {
                    Ok(Cited {
                        rule: SeatLimits {
                            least_full: self.least_seats(&s)?,
                            full: self.count(s.full)?,
                            alternate: self.count(s.alternate)?,
                        },
                        article: self.article(scope, s.article)?,
                    })
                })
                .transpose()?,
            term,
            term_meetings,
            meets: raw
                .meets
                .map(|m| self.cadence(scope, m, id_span.clone()))
                .transpose()?,
            notice: raw
                .notice
                .map(|n| self.notice(scope, n, id_span.clone()))
                .transpose()?,
            after_withdrawal: raw
                .quorum
                .as_mut()
                .and_then(|q| q.after_withdrawal.take().map(|w| (w, q.article.clone())))
                .map(|(w, quorum_article)| self.after_withdrawal(scope, w, quorum_article))
                .transpose()?,
            quorum: raw
                .quorum
                .map(|q| {
                    Ok(Cited {
                        rule: self.threshold(q.at_least, q.more_than, id_span.clone())?,
                        article: self.article(scope, q.article)?,
                    })
                })
                .transpose()?,
            majority,
            eligibility: self.requirements(scope, raw.eligibility)?,
            vacancy,
            convened_by: raw
                .convened_by
                .map(|c| {
                    if c.by.is_empty()
                        && c.posts.is_empty()
                        && c.requisition.is_none()
                        && c.organizations.is_none()
                    {
                        return Err(self.err(
                            id_span.clone(),
                            "`convened_by` needs `by = [\"an organ\"]`, `posts = [\"a post\"]`, `requisition = \"1/10\"` or several",
                        ));
                    }
                    Ok(Cited {
                        rule: Convener {
                            by: c
                                .by
                                .iter()
                                .map(|b| self.organ_key(scope, b))
                                .collect::<Result<_, _>>()?,
                            posts: self.convener_posts(scope, &c.posts)?,
                            requisition: c
                                .requisition
                                .as_ref()
                                .map(|r| self.requisition(r))
                                .transpose()?,
                            from_constituencies: self.requisition_constituencies(scope, &c)?,
                            notify: self.convener_notify(scope, &c)?,
                            organizations: self.org_requisition(scope, c.organizations)?,
                        },
                        article: self.article(scope, c.article)?,
                    })
                })
                .transpose()?,
            without_meeting: raw
                .without_meeting
                .map(|w| self.without_meeting(scope, w))
                .transpose()?,
            waiver: raw
                .waiver
                .map(|w| self.waiver(scope, w))
                .transpose()?,
            resignation: raw
                .resignation
                .as_ref()
                .map(|r| self.resignation(scope, r))
                .transpose()?,
            plurality: raw
                .plurality
                .map(|p| {
                    Ok::<_, InputError>(Cited {
                        rule: Plurality,
                        article: self.article(scope, p.article)?,
                    })
                })
                .transpose()?,
            voting: raw
                .voting
                .map(|v| self.voting(scope, v, id_span.clone()))
                .transpose()?,
            meeting_kinds: {
                let mut kinds: Vec<MeetingKind> = Vec::new();
                for k in raw.meetings {
                    if kinds.iter().any(|m| m.category == *k.category.get_ref()) {
                        return Err(self.err(
                            k.category.span(),
                            format!(
                                "meeting category `{}` is defined twice",
                                k.category.get_ref()
                            ),
                        ));
                    }
                    let span = k.category.span();
                    kinds.push(MeetingKind {
                        category: k.category.into_inner(),
                        meets: k.meets.map(|m| self.cadence(scope, m, span.clone())).transpose()?,
                        notice: k.notice.map(|n| self.notice(scope, n, span)).transpose()?,
                        business: self.business(scope, k.business)?,
                    });
                }
                kinds
            },
            ex_officio: raw
                .ex_officio
                .iter()
                .map(|p| {
                    if scope.posts.contains(p.get_ref()) {
                        self.key(p)
                    } else {
                        Err(self.err(
                            p.span(),
                            format!(
                                "`ex_officio` names posts; `{}` is not a post of this version",
                                p.get_ref()
                            ),
                        ))
                    }
                })
                .collect::<Result<_, _>>()?,
        })
    }
}
