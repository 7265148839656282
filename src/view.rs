//! The reader's view of the page as one value (the selected region, the chart pointed into, its pinned
//! mark and time cursor), written to and read from the address' fragment so every view can be shared.

use crate::data::Dataset;
use crate::time::Time;

/// What the reader has chosen; hover and keyboard focus are not part of it (they are not shared).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The selected region, highlighted on every chart.
    pub region: Option<String>,
    /// The chart the reader pinned a mark on or moved a time cursor in.
    pub chart: Option<String>,
    /// The pinned mark on `chart`: a figure's id (a region's on a map, an entity's on a line chart).
    pub mark: Option<String>,
    /// Where `chart`'s time cursor stands.
    pub time: Option<Time>,
}

impl ViewState {
    /// Reads a fragment such as `#region=jilin&chart=jilin-gdp-growth&mark=jilin-gdp-growth-last-year`
    /// (the form every earlier link has) or `#chart=temperature&time=1998`. Unknown keys are ignored
    /// and a time that does not parse is dropped: a hand-edited link shows what it can.
    #[must_use]
    pub fn from_fragment(fragment: &str) -> ViewState {
        let mut v = ViewState::default();
        for pair in fragment.trim_start_matches('#').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            if value.is_empty() {
                continue;
            }
            match decode(key).as_str() {
                "region" => v.region = Some(value),
                "chart" => v.chart = Some(value),
                "mark" => v.mark = Some(value),
                "time" => v.time = Time::parse(&value),
                _ => {}
            }
        }
        if v.chart.is_none() {
            v.mark = None;
            v.time = None;
        }
        v
    }

    /// The fragment for this view, `#…`, or an empty string for the view with nothing chosen. A
    /// chart is written only with a mark or a time on it, which is what a link restores.
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(r) = &self.region {
            parts.push(format!("region={}", encode(r)));
        }
        if let Some(c) = self.chart.as_ref().filter(|_| self.mark.is_some() || self.time.is_some()) {
            parts.push(format!("chart={}", encode(c)));
            if let Some(m) = &self.mark {
                parts.push(format!("mark={}", encode(m)));
            }
            if let Some(t) = self.time {
                parts.push(format!("time={}", encode(&t.to_string())));
            }
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }

    /// This view with what `d` does not have left out: a region or chart it lacks (a link to an
    /// older version of the story), and then the mark and time that went with the chart.
    #[must_use]
    pub fn known_in(mut self, d: &Dataset) -> ViewState {
        if self.region.as_ref().is_some_and(|r| !d.regions.iter().any(|x| &x.id == r)) {
            self.region = None;
        }
        if self.chart.as_ref().is_some_and(|c| !d.charts.iter().any(|x| &x.id == c)) {
            self.chart = None;
        }
        if self.chart.is_none() {
            self.mark = None;
            self.time = None;
        }
        self
    }
}

/// Form-encoding as the browser's `URLSearchParams` writes it: letters, digits and `*-._` as they
/// are, a space as `+`, every other byte of the UTF-8 as `%XX`.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
    }
    out
}

/// The reverse of `encode`, and of what a person or another site writes: `+` is a space, `%XX` a
/// byte; a `%` not followed by two hex digits stays as it is, and bytes that are not UTF-8 become
/// U+FFFD rather than an error.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |k: usize| bytes.get(k).and_then(|c| char::from(*c).to_digit(16));
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_links_the_page_has_always_written() {
        let v = ViewState::from_fragment("#region=jilin&chart=jilin-gdp-growth&mark=jilin-gdp-growth-last-year");
        assert_eq!(v.region.as_deref(), Some("jilin"));
        assert_eq!(v.chart.as_deref(), Some("jilin-gdp-growth"));
        assert_eq!(v.mark.as_deref(), Some("jilin-gdp-growth-last-year"));
        assert_eq!(v.time, None);
        assert_eq!(v.to_fragment(), "#region=jilin&chart=jilin-gdp-growth&mark=jilin-gdp-growth-last-year");
    }

    #[test]
    fn a_time_cursor_round_trips() {
        for t in [Time::Year(1998), Time::Month(2020, 3), Time::Quarter(2021, 2), Time::Day(2024, 2, 29)] {
            let v = ViewState { chart: Some("temperature".into()), time: Some(t), ..ViewState::default() };
            assert_eq!(ViewState::from_fragment(&v.to_fragment()), v, "{}", v.to_fragment());
        }
    }

    #[test]
    fn any_text_round_trips_through_the_address() {
        let id = "r&d = 100% “growth” 吉林 +1";
        let v = ViewState { region: Some(id.into()), ..ViewState::default() };
        assert_eq!(ViewState::from_fragment(&v.to_fragment()), v);
        assert!(v.to_fragment().is_ascii());
    }

    #[test]
    fn a_broken_link_shows_what_it_can() {
        let v = ViewState::from_fragment("#mark=x&time=never&region=%E5%90%89%zz&foo=bar");
        // A mark or time without a chart means nothing.
        assert_eq!((v.chart, v.mark, v.time), (None, None, None));
        assert_eq!(v.region.as_deref(), Some("吉%zz"));
        assert_eq!(ViewState::from_fragment("").to_fragment(), "");
        assert_eq!(ViewState::from_fragment("#chart=c&time=1e3").time, None);
    }
}
