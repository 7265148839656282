//! Checks every quote against the source document its source names: word for word, or a message
//! naming the figure, so a figure can never stand on a sentence the source does not contain.

use super::{DataError, Dataset};

/// Checks the quotes of every figure whose source names a `document`, reading each document once
/// with `read` (given the path as the file writes it). Returns how many quotes were found.
///
/// Quotes and documents are compared with runs of white space folded to one space, so a document
/// wrapped onto lines still matches; every other character must be the same.
pub fn check(d: &Dataset, read: impl Fn(&str) -> Result<String, String>) -> Result<usize, DataError> {
    let mut found = 0;
    for (si, s) in d.sources.iter().enumerate() {
        let Some(path) = &s.document else { continue };
        let text = read(path).map_err(|e| DataError {
            path: format!("sources[{si}].document"),
            message: format!(
                "source \"{}\" names the document \"{path}\", which cannot be read ({e}); keep the source's text at that path, relative to the story file",
                s.id
            ),
        })?;
        let text = fold(&text);
        for (fi, f) in d.figures.iter().enumerate().filter(|(_, f)| f.source.id == s.id) {
            if !text.contains(&fold(&f.source.quote)) {
                return Err(DataError {
                    path: format!("figures[{fi}].source.quote"),
                    message: format!(
                        "the quote of figure \"{}\" is not word for word in \"{path}\": \"{}\"; copy the sentence from the document as it stands",
                        f.id,
                        super::excerpt(&f.source.quote, 80)
                    ),
                });
            }
            found += 1;
        }
    }
    Ok(found)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
