//! The engine's own JSON reader against `serde_json`: the same values from any JSON `serde_json` writes,
//! and the same texts accepted or refused when one character is cut, added or changed.
#![cfg(not(target_arch = "wasm32"))]

use datastory::data::json::{self, Json};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;
use serde_json::Value;

fn config(cases: u32) -> ProptestConfig {
    // A fixed seed for the test command; PROPTEST_RNG_SEED=N explores further (as tests/properties.rs).
    let base = ProptestConfig::default();
    let rng_seed =
        if std::env::var_os("PROPTEST_RNG_SEED").is_some() { base.rng_seed } else { RngSeed::Fixed(20_261_128) };
    ProptestConfig { cases, failure_persistence: None, rng_seed, ..base }
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("JSON has no NaN or infinity", |v| v.is_finite()),
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64 / 100.0),
        (0u32..40).prop_map(|e| 10f64.powi(e as i32)),
    ]
}

fn string() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => proptest::char::range(' ', '~'),
            1 => proptest::char::range('\u{0}', '\u{1f}'),
            1 => proptest::char::range('\u{4e00}', '\u{9fff}'),
            1 => proptest::char::range('\u{1f300}', '\u{1f64f}'),
            1 => prop::sample::select(vec!['"', '\\', '/', '\u{2028}', '\u{202e}', '\u{feff}']),
        ],
        0..12,
    )
    .prop_map(String::from_iter)
}

/// Any JSON value nested up to a few levels, with distinct keys in each object.
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(|n| serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number)),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(string(), inner, 0..6).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The same tree, number for number (bit for bit), key order included.
fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Num(a), Value::Number(b)) => b.as_f64().is_some_and(|b| a.to_bits() == b.to_bits()),
        (Json::Str(a), Value::String(b)) => a == b,
        (Json::Arr(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Json::Obj(a), Value::Object(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => false,
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Whatever serde_json writes, compact or pretty, reads back as the same values.
    #[test]
    fn reads_what_serde_json_writes(v in value()) {
        for text in [serde_json::to_string(&v).expect("writes"), serde_json::to_string_pretty(&v).expect("writes")] {
            let ours = json::parse(&text).map_err(|e| TestCaseError::fail(format!("{e} in {text}")))?;
            prop_assert!(same(&ours, &v), "{text}: {ours:?}");
        }
    }

    /// One character cut, added or changed anywhere: both readers accept the text or both refuse it.
    #[test]
    fn accepts_and_refuses_what_serde_json_does(v in value(), at in any::<prop::sample::Index>(), edit in 0u8..3, c in prop::sample::select(vec!['"', ',', ':', '{', '}', '[', ']', '\\', '0', '-', 'e', '.', ' ', 'n', 'x'])) {
        let text = serde_json::to_string(&v).expect("writes");
        let mut chars: Vec<char> = text.chars().collect();
        let i = at.index(chars.len() + 1);
        match edit {
            0 if i < chars.len() => { chars.remove(i); }
            1 => chars.insert(i, c),
            _ if i < chars.len() => chars[i] = c,
            _ => chars.push(c),
        }
        let text: String = chars.into_iter().collect();
        let theirs = serde_json::from_str::<Value>(&text);
        let ours = json::parse(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{}: ours {:?}, serde_json {:?}", text, ours.err(), theirs.err());
    }
}
