//! Competence over subject matters (`[[version.power]]`: "Only the Central Committee
//! of the Party has the power to make decisions on major national policies"; "When
//! a decision is being made on a major issue, a vote shall be held"): the organs
//! that alone take the decisions of a category (`motion_decided` `category`), and
//! whether a decision of it needs a vote. As data; `read/competence.rs` reads it and
//! `rules/checks/competence.rs` judges decisions by it. Never judges.

use super::LevelOrgan;

/// What the statute says of the decisions of one category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Power {
    /// The category of the decisions (`motion_decided` `category`).
    pub category: String,
    /// The organs that alone may take them (empty: the clause names none, and only
    /// asks for a vote): organs of the version (or template), or, in a template,
    /// `parent:KEY`, that organ of the organization one level up from the one the
    /// decision concerns ("the Party committee at the next level up shall issue a
    /// decision to declare the election invalid").
    pub by: Vec<LevelOrgan>,
    /// Whether an organ acting for one of them between its sessions (its
    /// `acts_for`) may take them too; `acts_for = false` keeps them to the organs
    /// named ("shall report on its work at the plenary sessions").
    pub through_acting: bool,
    /// Whether a decision of the category must be put to a vote: one whose record
    /// gives no votes is found (`vote = "required"`).
    pub vote: bool,
    /// Whether a decision of the category must be taken at a meeting of the organ
    /// ("meeting-based decision making"): one recorded without a meeting (naming an
    /// `organ` and no `meeting`) is found (`meeting = "required"`).
    pub meeting: bool,
    /// Whether the clause binds the organizations the version governs by its
    /// templates too (`subordinates = true`: "The Party organization of a department
    /// or locality ... shall not make any decision"): a decision of the category by
    /// an organ of such an organization is judged against `by`, the governing
    /// organization's organs, unless its template gives the category to that organ.
    pub subordinates: bool,
}
