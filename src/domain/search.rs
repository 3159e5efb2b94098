//! Food search that finds what people mean in USDA names ("Nuts, almonds, dry roasted"), fast
//! enough to run over the whole table on every keystroke.
//!
//! How it works: every description is split into normalised words (lower case, accents folded).
//! The distinct words form a sorted vocabulary, each with the foods it occurs in (its postings).
//! A query word matches vocabulary words exactly, as the same word in singular or plural, as a
//! prefix ("pumpk"), or, from five letters on, with one typo ("spinnach"). Every query word must
//! match (word order is free); a food's score is how well its words matched, where they stand in
//! the name, and a prior that puts everyday foods ahead of baby foods, restaurant items, brands
//! and mixed dishes that merely mention the word.
//!
//! Foods as eaten: two more signals put first the food in the state people eat it. The "state
//! as eaten" prior ([`state_as_eaten_prior`]) ranks cooked grains, pasta, legumes, meat, fish
//! and eggs, and brewed or made-up drinks, above their raw, dry or powdered forms, and regular
//! coffee and tea above decaffeinated, reading the state from the USDA name ([`food_state`]).
//! A query that names a state ("dry lentils", "uncooked quinoa") overrides it: its state word
//! must match, either as written or by the food's state, so only foods in that state are
//! found. The "usual meat" signal gives a cut's name without an animal ("steak") the animal
//! the table lists most of that cut under (beef).
//!
//! Why not a crate: fuzzy matchers such as `nucleo`, `fuzzy-matcher` or `strsim` score one string
//! against another, so they would be run 8,789 times per keystroke, know nothing of plurals or
//! of the USDA's comma-separated naming, and add to the download. The vocabulary approach does
//! the expensive comparison once per distinct word (about 7,000) instead of once per food.

use std::cmp::Ordering;
use std::collections::HashMap;

use super::order::{descending, sort_by_rank, sort_with, sorted_positions};

/// One food as the search sees it.
#[derive(Clone, Copy, Debug)]
pub struct SearchEntry<'a> {
    /// The USDA description ("Seeds, pumpkin and squash seed kernels, roasted, without salt").
    pub description: &'a str,
    /// The USDA common name, often empty.
    pub common_name: &'a str,
    /// How everyday the food is, from its group and naming: added to its score (see [`prior`]).
    pub prior: f32,
}

/// A food that matched, by its index in the entries the index was built from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SearchHit {
    /// The entry's place in the order [`SearchIndexBuilder::add`] was given them, from 0.
    pub index: usize,
    /// Higher is better; only meaningful against other hits of the same query.
    pub score: f32,
}

#[derive(Clone, Copy, Debug)]
struct Posting {
    food: u32,
    /// How much a match here counts: words early in the name count most.
    weight: f32,
}

/// The prebuilt index; build once, search many times.
#[derive(Debug)]
pub struct SearchIndex {
    /// Distinct normalised words, sorted, so that a prefix is a contiguous range.
    words: Vec<Box<str>>,
    /// Each word as characters, so typo checks need no allocation per keystroke.
    word_chars: Vec<Box<[char]>>,
    /// Word indices ordered by their singular form ([`stem`]), for plural-insensitive lookup.
    by_stem: Vec<(Box<str>, u32)>,
    /// Foods each word occurs in, with the weight of its best position; after the vocabulary's
    /// lists come one per [`FoodState`] (in [`FoodState::ALL`] order), the foods in that state
    /// with the weight of their state word, so that a state named in a query can match them.
    postings: Vec<Vec<Posting>>,
    /// Per food: its prior, and how many words name it (the head part of its name and the part
    /// after, stop words left out).
    priors: Vec<f32>,
    word_counts: Vec<u16>,
    /// Per food: the animal its name starts with (an index into [`ANIMALS`] plus one), or 0.
    animals: Vec<u8>,
}

/// How well a query word matched a vocabulary word.
const EXACT: f32 = 1.0;
const SAME_STEM: f32 = 0.98;
const PREFIX_BASE: f32 = 0.6;
const PREFIX_LENGTH_BONUS: f32 = 0.3;
const ONE_TYPO: f32 = 0.55;
/// The most query words searched for.
const MAX_QUERY_WORDS: usize = 32;
/// Typos are tolerated only in words at least this long; shorter ones would match too much.
const MIN_TYPO_WORD_CHARS: usize = 5;

/// British and other everyday words that USDA names spell differently, and the USDA word.
const SYNONYMS: &[(&str, &str)] = &[
    ("aubergine", "eggplant"),
    ("beetroot", "beets"),
    ("courgette", "zucchini"),
    ("garbanzo", "chickpeas"),
    ("porridge", "oats"),
    ("prawns", "shrimp"),
    ("rocket", "arugula"),
    ("yoghurt", "yogurt"),
];

/// Words that say little about which food is meant; ignored in queries unless nothing else is
/// typed.
const STOP_WORDS: &[&str] = &["and", "with", "of", "the", "in", "a", "or", "for"];

/// Builds a [`SearchIndex`] one food at a time, so that the page can build it in slices
/// between turns of the browser's event loop (or all at once, as [`Catalog::new`] does).
///
/// [`Catalog::new`]: super::catalog::Catalog::new
#[derive(Debug, Default)]
pub struct SearchIndexBuilder {
    // Words are interned as they are met, so each distinct word is allocated once (about
    // 7,000) rather than once per occurrence (about 100,000), and only the vocabulary is
    // sorted at the end.
    ids: HashMap<String, u32>,
    met_words: Vec<String>,
    met_postings: Vec<Vec<Posting>>,
    /// A reused buffer for the folded form of each word.
    folded: String,
    priors: Vec<f32>,
    word_counts: Vec<u16>,
    /// Per [`FoodState`], the foods named in it (boxed: the page keeps a builder inside an
    /// enum of build stages, which should stay small).
    state_postings: Box<[Vec<Posting>; FoodState::ALL.len()]>,
    animals: Vec<u8>,
}

impl SearchIndexBuilder {
    /// A builder with no foods yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds the next food; foods are numbered in the order they are added.
    pub fn add(&mut self, entry: &SearchEntry<'_>) {
        let food = u32::try_from(self.priors.len()).unwrap_or(u32::MAX);
        let segments: Vec<&str> = entry.description.split(',').collect();
        let head = head_segment(&segments);
        let mut naming_words: u16 = 0;
        let mut state = StateReader::default();
        let mut sprouted = false;
        let mut folded = std::mem::take(&mut self.folded);
        for (segment, part) in segments.iter().enumerate() {
            let mut raw = raw_words(part).peekable();
            while let Some(word) = raw.next() {
                fold_into(word, &mut folded);
                if folded.is_empty() {
                    continue;
                }
                if segment <= head + 1 && !STOP_WORDS.contains(&folded.as_str()) {
                    naming_words = naming_words.saturating_add(1);
                }
                let next = raw.peek().copied();
                state.read(
                    name_word(folded.as_bytes()),
                    next.map(str::as_bytes),
                    segment,
                );
                sprouted |= folded == "sprouted";
                let weight = position_weight(segment, head, next.is_none());
                self.note(&folded, food, weight);
            }
        }
        for word in raw_words(entry.common_name) {
            fold_into(word, &mut folded);
            if !folded.is_empty() {
                self.note(&folded, food, COMMON_NAME_WEIGHT);
            }
        }
        self.folded = folded;
        if let Some((state, segment)) = state.found
            && !(sprouted && state == FoodState::Raw)
        {
            // Sprouts are fresh: "Beans, navy, mature seeds, sprouted, raw" is found by "raw"
            // as written, never as the dry beans of "dry navy beans".
            self.state_postings[state as usize].push(Posting {
                food,
                weight: position_weight(segment, head, false),
            });
        }
        self.animals
            .push(animal_of(segments.first().copied().unwrap_or_default()));
        self.word_counts.push(naming_words.max(1));
        self.priors.push(entry.prior);
    }

    /// Records that `word` occurs in `food` at a position worth `weight`.
    fn note(&mut self, word: &str, food: u32, weight: f32) {
        let id = match self.ids.get(word) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.met_words.len()).unwrap_or(u32::MAX);
                self.ids.insert(word.to_owned(), id);
                self.met_words.push(word.to_owned());
                self.met_postings.push(Vec::new());
                id
            }
        };
        // Foods are visited in order, so a repeat of this food can only be the last entry.
        if let Some(list) = self.met_postings.get_mut(id as usize) {
            match list.last_mut() {
                Some(last) if last.food == food => last.weight = last.weight.max(weight),
                _ => list.push(Posting { food, weight }),
            }
        }
    }

    /// The finished index: the vocabulary sorted, with its stems.
    pub fn finish(self) -> SearchIndex {
        let Self {
            mut met_words,
            met_postings,
            priors,
            word_counts,
            state_postings,
            animals,
            ..
        } = self;
        let order = sorted_positions(met_words.len(), &|a, b| met_words[a].cmp(&met_words[b]));
        let mut taken_postings: Vec<Option<Vec<Posting>>> =
            met_postings.into_iter().map(Some).collect();
        let words_out: Vec<Box<str>> = order
            .iter()
            .map(|&i| std::mem::take(&mut met_words[i]).into_boxed_str())
            .collect();
        let postings: Vec<Vec<Posting>> = order
            .iter()
            .map(|&i| taken_postings[i].take().unwrap_or_default())
            .chain(*state_postings)
            .collect();
        let word_chars = words_out.iter().map(|w| w.chars().collect()).collect();
        let mut by_stem: Vec<(Box<str>, u32)> = words_out
            .iter()
            .enumerate()
            .map(|(i, w)| (stem(w).into(), u32::try_from(i).unwrap_or(u32::MAX)))
            .collect();
        // Equal stems keep the vocabulary's order, which is that of their indices.
        sort_with(&mut by_stem, |a, b| a.0.cmp(&b.0));
        SearchIndex {
            words: words_out,
            word_chars,
            by_stem,
            postings,
            priors,
            word_counts,
            animals,
        }
    }
}

impl SearchIndex {
    /// How many distinct words the index holds.
    pub fn vocabulary_len(&self) -> usize {
        self.words.len()
    }

    /// Every food matching all the words of `query`, best first. An empty query matches nothing.
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let mut tokens: Vec<String> = words(query).collect();
        let meaningful: Vec<String> = tokens
            .iter()
            .filter(|t| !STOP_WORDS.contains(&t.as_str()))
            .cloned()
            .collect();
        if !meaningful.is_empty() {
            tokens = meaningful;
        }
        if tokens.is_empty() {
            return Vec::new();
        }
        // Nobody types more words than this for one food; a pasted paragraph is cut here so the
        // per-food match counters cannot overflow.
        tokens.truncate(MAX_QUERY_WORDS);
        self.join_compounds(&mut tokens);
        let food_count = self.priors.len();
        let mut total = vec![0.0f32; food_count];
        let mut matched = vec![0u8; food_count];
        let mut best = vec![0.0f32; food_count];
        let mut touched: Vec<u32> = Vec::new();
        for (round, token) in tokens.iter().enumerate() {
            let round = u8::try_from(round).unwrap_or(u8::MAX);
            for (word_index, quality) in self.matching_words(token) {
                for posting in &self.postings[word_index] {
                    let food = posting.food as usize;
                    // Only foods that matched every earlier word can still match them all.
                    if matched[food] != round {
                        continue;
                    }
                    let score = quality * posting.weight;
                    if best[food] == 0.0 {
                        touched.push(posting.food);
                    }
                    if score > best[food] {
                        best[food] = score;
                    }
                }
            }
            for &food in &touched {
                let food = food as usize;
                total[food] += best[food];
                matched[food] += 1;
                best[food] = 0.0;
            }
            touched.clear();
        }
        let needed = u8::try_from(tokens.len()).unwrap_or(u8::MAX);
        let token_count = tokens.len() as f32;
        let mut hits: Vec<SearchHit> = (0..food_count)
            .filter(|&food| matched[food] == needed)
            .map(|food| {
                // Names that are mostly the words searched for are the plain foods.
                let coverage = (token_count / f32::from(self.word_counts[food])).min(1.0);
                SearchHit {
                    index: food,
                    score: total[food] / token_count
                        + COVERAGE_WEIGHT * coverage
                        + self.priors[food],
                }
            })
            .collect();
        if !tokens.iter().any(|token| names_an_animal(token))
            && let Some(animal) = self.usual_animal(&hits)
        {
            for hit in &mut hits {
                if self.animals[hit.index] == animal {
                    hit.score += USUAL_ANIMAL_BONUS;
                }
            }
        }
        // Best score first; the hits are in food order, so equal scores stay in food order.
        sort_by_rank(&mut hits, |hit| descending(f64::from(hit.score)));
        hits
    }

    /// Joins neighbouring query words that USDA writes as one ("soy milk" is "Soymilk",
    /// "brazil nuts" is "brazilnuts").
    fn join_compounds(&self, tokens: &mut Vec<String>) {
        let mut i = 0;
        while i + 1 < tokens.len() {
            let joined = format!("{}{}", tokens[i], tokens[i + 1]);
            let known = |word: &str| {
                self.words
                    .binary_search_by(|w| w.as_ref().cmp(word))
                    .is_ok()
            };
            if known(&joined) || known(stem(&joined)) {
                tokens[i] = joined;
                tokens.remove(i + 1);
            } else {
                i += 1;
            }
        }
    }

    /// The animal people mean by a cut's name given alone ("steak"), if the hits say so: most
    /// hits are meats named by animal, and one animal has at least [`USUAL_ANIMAL_SHARE`] of them.
    fn usual_animal(&self, hits: &[SearchHit]) -> Option<u8> {
        let mut counts = [0usize; ANIMALS.len() + 1];
        for hit in hits {
            counts[usize::from(self.animals[hit.index])] += 1;
        }
        let meats: usize = counts[1..].iter().sum();
        if meats * 2 < hits.len() {
            return None;
        }
        let (animal, &most) = counts
            .iter()
            .enumerate()
            .skip(1)
            .max_by_key(|&(_, count)| *count)?;
        (most as f32 >= USUAL_ANIMAL_SHARE * meats as f32 && most > 0)
            .then(|| u8::try_from(animal).ok())
            .flatten()
    }

    /// Vocabulary words that `token` matches, each with the quality of its best kind of match.
    fn matching_words(&self, token: &str) -> Vec<(usize, f32)> {
        let mut found: Vec<(usize, f32)> = Vec::new();
        let token_chars: Vec<char> = token.chars().collect();
        // Exact and prefix matches: one contiguous range of the sorted vocabulary.
        let start = self.words.partition_point(|w| w.as_ref() < token);
        for (offset, word) in self.words[start..].iter().enumerate() {
            if !word.starts_with(token) {
                break;
            }
            let index = start + offset;
            let quality = if word.len() == token.len() {
                EXACT
            } else {
                let ratio = token_chars.len() as f32 / self.word_chars[index].len() as f32;
                PREFIX_BASE + PREFIX_LENGTH_BONUS * ratio
            };
            found.push((index, quality));
        }
        for (_, usda_word) in SYNONYMS.iter().filter(|(word, _)| *word == token) {
            if let Ok(index) = self.words.binary_search_by(|w| w.as_ref().cmp(usda_word)) {
                found.push((index, SAME_STEM));
            }
        }
        // A state the query names matches every food in that state, whatever word its name
        // uses for it ("dry lentils" finds "Lentils, raw"); the word as written still matches
        // better.
        for &state in states_named_by(token) {
            found.push((self.words.len() + state as usize, STATE_MATCH));
        }
        // Same word in singular or plural ("berries" and "berry", "almond" and "almonds").
        let token_stem = stem(token);
        if token_stem.len() >= 3 {
            let from = self
                .by_stem
                .partition_point(|(s, _)| s.as_ref() < token_stem);
            for (word_stem, index) in &self.by_stem[from..] {
                if word_stem.as_ref() != token_stem {
                    break;
                }
                found.push((*index as usize, SAME_STEM));
            }
        }
        // One typo, in whole words or in the part typed so far.
        let n = token_chars.len();
        if n >= MIN_TYPO_WORD_CHARS {
            for (index, word) in self.word_chars.iter().enumerate() {
                if word.len() + 1 >= n && word.len() <= n + 1 && within_one_edit(&token_chars, word)
                {
                    found.push((index, ONE_TYPO));
                } else if word.len() > n + 1
                    && (n - 1..=n + 1).any(|len| within_one_edit(&token_chars, &word[..len]))
                {
                    found.push((index, ONE_TYPO * 0.9));
                }
            }
        }
        // Keep each word once, with its best kind of match.
        sort_with(&mut found, |a, b| {
            a.0.cmp(&b.0)
                .then(b.1.partial_cmp(&a.1).unwrap_or(Ordering::Equal))
        });
        found.dedup_by_key(|(index, _)| *index);
        found
    }
}

/// First parts of USDA names that are only a class ("Nuts, almonds", "Fish, salmon"): the food
/// itself is named in the part after.
const CLASS_PREFIXES: &[&str] = &[
    "alcoholic beverage",
    "beverages",
    "cereals",
    "cereals ready to eat",
    "crustaceans",
    "fish",
    "game meat",
    "mollusks",
    "nuts",
    "seeds",
    "spices",
];

/// Whether the first part of a USDA name is only a class ("Nuts" in "Nuts, almonds"), compared
/// by its words so that "Cereals ready-to-eat" matches.
pub fn is_class_prefix(first_part: &str) -> bool {
    let normalised = words(first_part).collect::<Vec<_>>().join(" ");
    CLASS_PREFIXES.contains(&normalised.as_str())
}

/// Which comma-separated part of a USDA name says what the food is: the first, or the second
/// where the first is only a class.
fn head_segment(segments: &[&str]) -> usize {
    usize::from(segments.len() > 1 && segments.first().is_some_and(|s| is_class_prefix(s)))
}

/// How much a word counts by where it stands. The head part counts most, its last word most of
/// all (English puts the noun last: "Potato flour" is flour); later parts say how the food was
/// prepared and count less.
fn position_weight(segment: usize, head: usize, last_in_segment: bool) -> f32 {
    match segment.cmp(&head) {
        Ordering::Less => 0.85,
        Ordering::Equal if last_in_segment => 1.0,
        Ordering::Equal => 0.85,
        Ordering::Greater if segment == head + 1 => 0.8,
        Ordering::Greater if segment == head + 2 => 0.7,
        Ordering::Greater => 0.6,
    }
}

const COMMON_NAME_WEIGHT: f32 = 0.9;
/// How much it counts that a name is mostly the words searched for ("Nuts, almonds" for
/// "almonds", against "Nuts, almonds, honey roasted, unblanched").
const COVERAGE_WEIGHT: f32 = 0.2;

/// USDA food group codes whose foods are rarely what a person means by a plain word.
const UNLIKELY_GROUPS: &[(u16, f32)] = &[
    (300, -0.45),  // Baby Foods
    (2100, -0.3),  // Fast Foods
    (2200, -0.25), // Meals, Entrees, and Side Dishes
    (3500, -0.3),  // American Indian/Alaska Native Foods
    (3600, -0.35), // Restaurant Foods
    (600, -0.1),   // Soups, Sauces, and Gravies
];

/// How everyday a food is likely to be, from its group, its name and how many household
/// portions SR28 lists for it: 0 for a plain food with one portion, negative for baby foods,
/// restaurant and fast food, mixed dishes and brand-name products, a little more for foods
/// measured in many ways (whole milk by the cup, quart, fluid ounce and tablespoon), and more
/// for a staple in the state people eat it ([`state_as_eaten_prior`]).
pub fn prior(description: &str, group_code: u16, portion_count: usize) -> f32 {
    let group = UNLIKELY_GROUPS
        .iter()
        .find(|(code, _)| *code == group_code)
        .map_or(0.0, |(_, penalty)| *penalty);
    // USDA writes brand names in capitals ("KELLOGG'S"); such products are rarely what a
    // person means by "cereal". SR28's descriptions are ASCII, so ASCII classes suffice.
    let branded = description
        .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
        .any(|word| {
            word.chars().filter(char::is_ascii_alphabetic).count() >= 3
                && !word.chars().any(|c| c.is_ascii_lowercase())
        });
    let extra_portions = portion_count.saturating_sub(1).min(4) as f32;
    let no_portions = if portion_count == 0 { -0.03 } else { 0.0 };
    group
        + if branded { -0.2 } else { 0.0 }
        + 0.03 * extra_portions
        + no_portions
        + state_as_eaten_prior(description, group_code)
}

/// The state a USDA name gives a food in, read from its words ([`food_state`]). SR28 describes
/// each food in the form it was analysed ("Rice, brown, long-grain, raw", "Rice, brown,
/// long-grain, cooked"); the word lists below are the state words that occur in the 8,789
/// descriptions of `data/foods.tsv` (counted there: "cooked" 1,788 times, "raw" 1,391, "dry"
/// 398, "unprepared" 197, "powder" 132, "brewed" 15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoodState {
    /// Cooked, brewed or made up as eaten: "cooked", "boiled", "brewed", "prepared", "canned",
    /// "roasted" and the other cooking words of [`name_word`].
    Cooked,
    /// Raw or uncooked: "raw", "uncooked". For grains and dried legumes this is the dry food as
    /// bought ("Rice, brown, long-grain, raw").
    Raw,
    /// Dry, dried or a powder: "dry", "dried", "dehydrated", "powder" ("Pasta, dry, enriched",
    /// "Beverages, coffee, instant, regular, powder").
    Dry,
}

impl FoodState {
    /// Every state in declaration order, which is also the order of their postings after the
    /// vocabulary's (`state as usize` indexes them).
    pub const ALL: [FoodState; 3] = [FoodState::Cooked, FoodState::Raw, FoodState::Dry];
}

/// What a word of a USDA name tells the as-eaten signals ([`name_word`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameWord {
    /// A cooking word: the food is cooked, brewed or made up. `made_up` for "brewed",
    /// "prepared" and "reconstituted", the words that name a drink made ready to drink.
    Cooked {
        /// Whether the word makes a drink ready to drink.
        made_up: bool,
    },
    /// "raw", "uncooked".
    Raw,
    /// "dry", "dried", "dehydrated", "powder", "powdered".
    Dry,
    /// "liquid", "liquids", "contents": a can's whole contents, liquid included ("canned,
    /// solids and liquids", "canned, total can contents"), the food as it leaves the can
    /// before the liquid is poured off, so the drained or boiled food comes first.
    CanningLiquid,
    /// "decaffeinated".
    Decaffeinated,
    /// "peanuts", "flour": raw or dry foods of [`SWELLING_GROUPS`] not cooked in water before
    /// eating, or not measured as they would be cooked (raw peanuts are eaten as they are or
    /// roasted; flour goes into baking).
    NotCookedInWater,
}

/// Words after "dry" that make it a way of cooking, not a state: "cooked, dry heat",
/// "dry roasted".
const DRY_COOKING_METHODS: [&str; 2] = ["heat", "roasted"];

/// The words [`name_word`] knows, by what they tell. The state words are those that occur in
/// the table's descriptions. Not "unprepared": USDA uses it for frozen and packaged foods not
/// yet heated ("Beans, pinto, immature seeds, frozen, unprepared"), which are neither raw nor
/// dry.
const NAME_WORDS: [(NameWord, &[&str]); 7] = [
    (
        NameWord::Cooked { made_up: false },
        &[
            "baked",
            "boiled",
            "braised",
            "broiled",
            "canned",
            "cooked",
            "fried",
            "grilled",
            "heated",
            "microwaved",
            "poached",
            "rehydrated",
            "roasted",
            "scrambled",
            "simmered",
            "steamed",
            "stewed",
            "toasted",
        ],
    ),
    (
        NameWord::Cooked { made_up: true },
        &["brewed", "prepared", "reconstituted"],
    ),
    (NameWord::Raw, &["raw", "uncooked"]),
    (
        NameWord::Dry,
        &["dry", "dried", "dehydrated", "powder", "powdered"],
    ),
    (NameWord::CanningLiquid, &["liquid", "liquids", "contents"]),
    (NameWord::Decaffeinated, &["decaffeinated"]),
    (NameWord::NotCookedInWater, &["peanuts", "flour"]),
];

/// What `word` tells the as-eaten signals, ignoring case ([`NAME_WORDS`]). A table walked by a
/// plain loop rather than a `match` on the words, which the wasm held as kilobytes of
/// comparisons; every word of every name passes through here while the index is built, and
/// a comparison of words of other lengths stops at the length.
fn name_word(word: &[u8]) -> Option<NameWord> {
    for (kind, known) in NAME_WORDS {
        for known in known {
            if known.as_bytes().eq_ignore_ascii_case(word) {
                return Some(kind);
            }
        }
    }
    None
}

/// Reads a food's state word by word, in the order of its name.
#[derive(Debug, Default)]
struct StateReader {
    /// The state so far, and the comma-separated part that decided it.
    found: Option<(FoodState, usize)>,
    /// Whether the food was named dry or dried since its last cooking word.
    dried: bool,
}

impl StateReader {
    /// Takes what the next word of the name says, in part `segment`, with the word after it in
    /// the same part ("dry" before "heat" or "roasted" is a way of cooking).
    fn read(&mut self, word: Option<NameWord>, next: Option<&[u8]>, segment: usize) {
        let state = match word {
            Some(NameWord::Cooked { .. }) => {
                self.dried = false;
                FoodState::Cooked
            }
            Some(NameWord::Raw) if self.dried => FoodState::Dry,
            Some(NameWord::Raw) => FoodState::Raw,
            Some(NameWord::Dry)
                if !next.is_some_and(|n| {
                    DRY_COOKING_METHODS
                        .iter()
                        .any(|m| m.as_bytes().eq_ignore_ascii_case(n))
                }) =>
            {
                self.dried = true;
                FoodState::Dry
            }
            _ => return,
        };
        self.found = Some((state, segment));
    }
}

/// The state a USDA description names its food in, or `None` where it names none ("Oats",
/// "Nuts, almonds"). USDA lists what was done to a food in order, so the last state word
/// decides ("Figs, dried, stewed" is cooked; "Buckwheat groats, roasted, dry" is dry), and a
/// food dried and then named uncooked is dry ("Figs, dried, uncooked").
pub fn food_state(description: &str) -> Option<FoodState> {
    name_facts(description).state
}

/// What the signals read from a food's name, in one pass over it.
#[derive(Debug, Default)]
struct NameFacts {
    /// Its state ([`food_state`]).
    state: Option<FoodState>,
    /// Named with a word that makes a drink ready to drink ([`NameWord::Cooked`]).
    made_up: bool,
    /// Named as a can's whole contents ([`NameWord::CanningLiquid`]).
    canning_liquid: bool,
    /// Named "decaffeinated".
    decaffeinated: bool,
    /// Named as a food not cooked in water ([`NameWord::NotCookedInWater`]).
    not_cooked_in_water: bool,
}

/// Reads [`NameFacts`] from a USDA description.
fn name_facts(description: &str) -> NameFacts {
    let mut reader = StateReader::default();
    let mut facts = NameFacts::default();
    for (segment, part) in description.split(',').enumerate() {
        let mut part_words = ascii_words(part).peekable();
        while let Some(word) = part_words.next() {
            let kind = name_word(word);
            reader.read(kind, part_words.peek().copied(), segment);
            match kind {
                Some(NameWord::Cooked { made_up: true }) => facts.made_up = true,
                Some(NameWord::CanningLiquid) => facts.canning_liquid = true,
                Some(NameWord::Decaffeinated) => facts.decaffeinated = true,
                Some(NameWord::NotCookedInWater) => facts.not_cooked_in_water = true,
                _ => {}
            }
        }
    }
    facts.state = reader.found.map(|(state, _)| state);
    facts
}

/// The ASCII words of `text`, as bytes: enough to find the words the as-eaten signals look
/// for, and much faster than [`raw_words`], because these run over every name while the index
/// is built. Any other character separates words.
fn ascii_words(text: &str) -> impl Iterator<Item = &[u8]> {
    text.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The states a query word asks for: a raw or dry word means the uncooked food, which USDA
/// names raw (rice, beans, lentils), uncooked (quinoa) or dry (pasta, oats), so "dried
/// chickpeas" finds "Chickpeas, ..., raw"; a cooking word means any cooked one ("boiled rice"
/// finds "Rice, ..., cooked").
fn states_named_by(token: &str) -> &'static [FoodState] {
    match name_word(token.as_bytes()) {
        Some(NameWord::Raw | NameWord::Dry) => &[FoodState::Raw, FoodState::Dry],
        Some(NameWord::Cooked { .. }) => &[FoodState::Cooked],
        _ => &[],
    }
}

/// How well a food matches a query word by its state alone: below any word as written, so that
/// "dried figs" puts "Figs, dried" above "Figs, raw".
const STATE_MATCH: f32 = 0.6;

/// SR28 food groups whose foods people eat cooked, or, for drinks, brewed or made up: poultry
/// (0500), breakfast cereals (0800: the hot ones), pork (1000), beef (1300), beverages (1400),
/// fish and shellfish (1500), legumes (1600), lamb, veal and game (1700), cereal grains and
/// pasta (2000). Vegetables and fruit are left out: people eat spinach and apples raw too.
/// NIH ODS lists these staples cooked in its table of food sources of magnesium ("Rice, brown,
/// cooked", "Black beans, cooked", "Oatmeal, instant, 1 packet", "Salmon, Atlantic, farmed,
/// cooked", "Chicken breast, roasted"; Magnesium fact sheet for health professionals, Table 2).
const EATEN_COOKED_GROUPS: &[u16] = &[500, 800, 1000, 1300, 1400, 1500, 1600, 1700, 2000];
/// Eggs are the one food of the dairy and egg group (0100) eaten cooked; the group's other
/// state words are not how it is eaten ("Milk, canned, evaporated").
const EGG_GROUP_AND_NAME: (u16, &str) = (100, "Egg");
/// Drinks (group 1400) count as made up only when brewed or prepared, never for being canned:
/// a canned drink is drunk as it is, like a bottled one.
const DRINKS_GROUP: u16 = 1400;

/// How much being named cooked, brewed or made up counts for a food people eat that way:
/// enough to lift "Chickpeas, ..., cooked, boiled" (one household portion) over
/// "Chickpeas, ..., raw" (two: 0.03) and cooked oatmeal over the plain "Oats" (a shorter name:
/// 0.09), and less than the query's words standing in a better place in the name (0.1 to 0.15
/// for the same words one part later), so that a cooked food of another kind that merely
/// mentions them ("Fish, sunfish, pumpkin seed, cooked") stays below the food named for them.
const COOKED_AS_EATEN: f32 = 0.1;
/// How much less a decaffeinated drink counts: "coffee" and "tea" mean the regular drink, and
/// "decaf coffee" still finds the decaffeinated one, because its words must match.
const DECAFFEINATED: f32 = -0.1;

/// The "state as eaten" prior: [`COOKED_AS_EATEN`] for a food of a kind people eat cooked
/// ([`EATEN_COOKED_GROUPS`], eggs) that is named cooked, brewed or made up (drinks only
/// brewed or made up, and no can's whole contents: see [`NameWord`]); [`DECAFFEINATED`]
/// for a decaffeinated drink; otherwise 0. Raw and dry forms get no penalty, so that a query
/// naming the state ("dry lentils"), which finds only foods in that state, ranks them among
/// themselves as if this prior did not exist.
pub fn state_as_eaten_prior(description: &str, group_code: u16) -> f32 {
    let eaten_cooked = EATEN_COOKED_GROUPS.contains(&group_code)
        || (group_code == EGG_GROUP_AND_NAME.0
            && description.split(',').next() == Some(EGG_GROUP_AND_NAME.1));
    if !eaten_cooked {
        return 0.0;
    }
    let facts = name_facts(description);
    let drink = group_code == DRINKS_GROUP;
    let cooked = facts.state == Some(FoodState::Cooked)
        && (facts.made_up || !drink)
        && !facts.canning_liquid;
    let decaffeinated = facts.decaffeinated;
    let as_eaten = if cooked { COOKED_AS_EATEN } else { 0.0 };
    as_eaten + if decaffeinated { DECAFFEINATED } else { 0.0 }
}

/// SR28 food groups whose raw or dry foods take up water as they cook: breakfast cereals (0800:
/// the hot ones, sold dry), legumes (1600: dried beans, lentils, split peas) and cereal grains
/// and pasta (2000). A cup of such a food before cooking is not a cup of it cooked.
const SWELLING_GROUPS: &[u16] = &[800, 1600, 2000];
/// Household measures of volume, by the first word of SR28's measure ("cup", "tbsp", "fl oz").
const VOLUME_MEASURE_WORDS: &[&str] = &[
    "cup",
    "cups",
    "fl",
    "gallon",
    "liter",
    "litre",
    "ml",
    "pint",
    "quart",
    "tablespoon",
    "tablespoons",
    "tbsp",
    "teaspoon",
    "teaspoons",
    "tsp",
];

/// Whether a household measure (SR28's measure description, such as "cup" or "tbsp") is one of
/// volume, which holds a different weight of a food before and after cooking, unlike a weight.
pub fn is_volume_measure(measure: &str) -> bool {
    raw_words(measure).next().is_some_and(|first| {
        VOLUME_MEASURE_WORDS
            .iter()
            .any(|v| v.eq_ignore_ascii_case(first))
    })
}

/// The state to point out when a person measures a food by volume before it is cooked: `Some`
/// ([`FoodState::Raw`] or [`FoodState::Dry`]) when `measure` is a volume and the food is a raw
/// or dry grain, pasta, hot cereal or dried legume ([`SWELLING_GROUPS`]), whose cup is not a
/// cup of the cooked food (SR28's own portions: "Rice, brown, long-grain, raw", 1 cup 185 g,
/// 215 mg; "..., cooked", 1 cup 202 g, 79 mg).
pub fn uncooked_by_volume(description: &str, group_code: u16, measure: &str) -> Option<FoodState> {
    let facts = name_facts(description);
    let state = facts.state?;
    let swells = SWELLING_GROUPS.contains(&group_code)
        && matches!(state, FoodState::Raw | FoodState::Dry)
        && !facts.not_cooked_in_water;
    (swells && is_volume_measure(measure)).then_some(state)
}

/// The animals USDA names meats by, as the first part of the name ("Beef, round, ...", "Game
/// meat, deer, ...").
const ANIMALS: &[&str] = &[
    "beef",
    "pork",
    "lamb",
    "veal",
    "chicken",
    "turkey",
    "duck",
    "goose",
    "game meat",
];
/// The "usual meat" signal: a cut named without its animal ("steak", "chops", "ribs") means the
/// animal the table lists most foods of that cut under, when one has at least this share of
/// them (steak: 396 beef, 13 pork, 10 lamb; chops: 67 pork, 12 lamb). The table's counts stand
/// in for how common the cut is under each animal. Below this share ("loin": 152
/// beef, 127 pork) no animal is favoured.
const USUAL_ANIMAL_SHARE: f32 = 2.0 / 3.0;
/// How much the usual animal's foods gain: as much as a better position of the cut's word.
const USUAL_ANIMAL_BONUS: f32 = 0.1;

/// The animal a name's first part is ([`ANIMALS`] index plus one), or 0 for none.
fn animal_of(first_part: &str) -> u8 {
    let first_part = first_part.trim();
    ANIMALS
        .iter()
        .position(|animal| animal.eq_ignore_ascii_case(first_part))
        .and_then(|i| u8::try_from(i + 1).ok())
        .unwrap_or(0)
}

/// Whether a query word names an animal, or is the start of one being typed ("chick").
fn names_an_animal(token: &str) -> bool {
    ANIMALS
        .iter()
        .flat_map(|animal| animal.split(' '))
        .any(|word| word.starts_with(token) || stem(token) == word)
}

/// Splits text into lower-case words with accents folded; anything that is not a letter or
/// digit separates words.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    raw_words(text)
        .map(|w| w.chars().map(fold).collect::<String>())
        .filter(|w| !w.is_empty())
}

/// The words of `text` as written, before folding.
fn raw_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Whether `c` belongs to a word: ASCII letters and digits, and any other character except
/// common spaces and punctuation.
///
/// Why not `char::is_alphanumeric`: its Unicode tables (with those of `to_lowercase`) cost
/// about 10 KB of the download, and the food table is in English. Letters of other scripts
/// still make words, which simply find nothing, rather than vanishing as separators would.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    let latin1_symbol = ('\u{a0}'..='\u{bf}').contains(&c) && !matches!(c, 'ª' | 'µ' | 'º');
    let punctuation = ('\u{2000}'..='\u{206f}').contains(&c)
        || ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{ff01}'..='\u{ff0f}').contains(&c);
    !(latin1_symbol || punctuation || matches!(c, '×' | '÷') || c.is_whitespace())
}

/// `text` lower-cased with the accents of Latin letters folded, as the search compares words:
/// "Crème" and "creme" fold alike.
pub fn folded(text: &str) -> String {
    text.chars().map(fold).collect()
}

/// The words of `text`, folded, as the search reads them.
pub fn folded_words(text: &str) -> Vec<String> {
    raw_words(text).map(folded).collect()
}

/// Folds `word` into `out`, reusing its allocation.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    out.extend(word.chars().map(fold));
}

/// Lower-cases a character and folds the accents of Latin letters ("é" to "e"), so that
/// "creme" finds "Crème". Other scripts are left as they are: the table has none of them.
fn fold(c: char) -> char {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        // The rest of Latin-1's capitals ("Æ", "Ð", "Þ") sit 32 below their small letters.
        'À'..='Þ' if c != '×' => char::from_u32(u32::from(c) + 32).unwrap_or(c),
        other => other,
    };
    folded.to_ascii_lowercase()
}

/// The singular of an English plural, by the rules that cover food names ("berries" to
/// "berry", "potatoes" to "potato", "peaches" to "peach", "almonds" to "almond"). Words that
/// are not plurals come back unchanged.
pub fn stem(word: &str) -> &str {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        // "berries" and "berry" must meet: compare on the shared "berr".
        return &word[..n - 3];
    }
    if n > 4
        && (word.ends_with("oes")
            || word.ends_with("ches")
            || word.ends_with("shes")
            || word.ends_with("xes")
            || word.ends_with("sses"))
    {
        return &word[..n - 2];
    }
    if n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return &word[..n - 1];
    }
    if n > 3 && word.ends_with('y') {
        return &word[..n - 1];
    }
    word
}

/// Whether `a` becomes `b` by at most one substitution, insertion, deletion, or swap of two
/// neighbouring letters.
pub fn within_one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let first_diff = short
        .iter()
        .zip(long)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    match long.len() - short.len() {
        0 if first_diff == short.len() => true,
        0 => {
            let i = first_diff;
            // One substitution, or a swap of neighbours.
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => short[first_diff..] == long[first_diff + 1..],
        _ => false,
    }
}
