//! Maps keyed by text, kept as sorted lists: binary search in place of the standard hash and tree maps.
//!
//! The page's engine only ever holds a few hundred keys, and the hash map, the B-tree and the sort
//! instances they bring would be about 9 kB of its gzipped wasm (measured with twiggy). Lookups
//! stay logarithmic, so a hostile file with 10,000 ids is still checked in milliseconds.

/// Values by text key, in key order; each key at most once.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for Table<V> {
    fn default() -> Self {
        Self { entries: Vec::new() }
    }
}

impl<V> Table<V> {
    /// The table of `entries`, sorted in O(n log n), or the position of the first entry whose key an
    /// earlier one already has.
    pub fn from_entries(entries: Vec<(String, V)>) -> Result<Self, usize> {
        let order: Vec<usize> = {
            let ids = Ids::new(entries.iter().map(|(k, _)| k.as_str()));
            if let Some((at, _)) = ids.first_repeat() {
                return Err(at);
            }
            ids.sorted.iter().map(|(_, at)| *at).collect()
        };
        let mut slots: Vec<Option<(String, V)>> = entries.into_iter().map(Some).collect();
        Ok(Self { entries: order.into_iter().filter_map(|at| slots[at].take()).collect() })
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// Adds `value` under `key`, or gives it back if the key is taken (the table is unchanged).
    pub fn insert(&mut self, key: String, value: V) -> Result<(), V> {
        match self.find(&key) {
            Ok(_) => Err(value),
            Err(i) => {
                self.entries.insert(i, (key, value));
                Ok(())
            }
        }
    }

    /// Puts `value` under `key`, in place of any value there.
    pub fn set(&mut self, key: String, value: V) {
        match self.find(&key) {
            Ok(i) => self.entries[i].1 = value,
            Err(i) => self.entries.insert(i, (key, value)),
        }
    }

    /// The value under `key`, added with `make` if there is none.
    pub fn entry(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key.to_string(), make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries, in key order.
    pub fn into_entries(self) -> Vec<(String, V)> {
        self.entries
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

impl<'a, V> IntoIterator for &'a Table<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&'a (String, V)) -> (&'a String, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V: serde::Serialize> serde::Serialize for Table<V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(feature = "schema")]
impl<V: schemars::JsonSchema> schemars::JsonSchema for Table<V> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <std::collections::BTreeMap<String, V>>::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <std::collections::BTreeMap<String, V>>::json_schema(generator)
    }
}

/// The records of one list by id: where each id stands, found by binary search.
#[derive(Debug)]
pub struct Ids<'a> {
    /// (id, position in the list), sorted by id and then position.
    sorted: Vec<(&'a str, usize)>,
}

impl<'a> Ids<'a> {
    pub fn new(mut ids: impl Iterator<Item = &'a str>) -> Self {
        Self::of(&mut ids)
    }

    /// The work of `new` once for every kind of iterator: each call site's iterator is a type of
    /// its own, and a generic body would be copied into the page's wasm for each.
    fn of(ids: &mut dyn Iterator<Item = &'a str>) -> Self {
        let mut sorted = Vec::new();
        for (i, id) in ids.enumerate() {
            sorted.push((id, i));
        }
        sorted.sort_unstable();
        Self { sorted }
    }

    /// The position of the first record with `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        let i = self.sorted.partition_point(|(k, _)| *k < id);
        self.sorted.get(i).filter(|(k, _)| *k == id).map(|(_, at)| *at)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.position(id).is_some()
    }

    /// The position and id of the first record whose id an earlier record already has.
    pub fn first_repeat(&self) -> Option<(usize, &'a str)> {
        self.sorted.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| (w[1].1, w[1].0)).min()
    }

    /// The first position, in list order, of an id that is empty or blank.
    pub fn first_blank(&self) -> Option<usize> {
        self.sorted.iter().filter(|(k, _)| k.trim().is_empty()).map(|(_, at)| *at).min()
    }

    /// Every id once, in order.
    pub fn distinct(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.sorted.iter().enumerate().filter(|(i, (k, _))| *i == 0 || self.sorted[i - 1].0 != *k).map(|(_, (k, _))| *k)
    }
}

#[cfg(test)]
mod tests {
    use super::{Ids, Table};

    #[test]
    fn a_table_keeps_keys_sorted_and_refuses_a_key_twice() {
        let mut t = Table::default();
        for k in ["b", "c", "a"] {
            assert_eq!(t.insert(k.to_string(), k.len()), Ok(()));
        }
        assert_eq!(t.insert("b".into(), 9), Err(9));
        assert_eq!(t.keys().map(String::as_str).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(t.get("b"), Some(&1));
        assert_eq!(t.get("d"), None);
        *t.entry("d", || 0) += 4;
        *t.entry("d", || 0) += 1;
        assert_eq!(t.get("d"), Some(&5));
        t.set("d".into(), 7);
        assert_eq!(t.get("d"), Some(&7));
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn a_table_from_entries_is_sorted_or_names_the_first_repeat() {
        let entries = |keys: &[&str]| keys.iter().map(|k| (k.to_string(), k.len())).collect::<Vec<_>>();
        let t = Table::from_entries(entries(&["b", "cc", "a"])).expect("distinct keys");
        assert_eq!(t.iter().map(|(k, v)| (k.as_str(), *v)).collect::<Vec<_>>(), [("a", 1), ("b", 1), ("cc", 2)]);
        assert_eq!(Table::from_entries(entries(&["b", "a", "c", "a", "b"])), Err(3));
    }

    #[test]
    fn ids_find_the_first_record_and_the_first_repeat_in_list_order() {
        let ids = Ids::new(["x", "a", "x", "b", "a"].into_iter());
        assert_eq!(ids.position("x"), Some(0));
        assert_eq!(ids.position("a"), Some(1));
        assert!(!ids.contains("c"));
        // "x" comes back at 2 before "a" does at 4.
        assert_eq!(ids.first_repeat(), Some((2, "x")));
        assert_eq!(ids.distinct().collect::<Vec<_>>(), ["a", "b", "x"]);
        assert_eq!(Ids::new(["a", "b"].into_iter()).first_repeat(), None);
    }
}
