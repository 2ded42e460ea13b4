//! The one span type: a half-open range over a document's clean text.
//!
//! Spans are byte offsets inside the pipeline (cheap slicing, always on `char` boundaries) and
//! are converted to Unicode code points, as the output contract requires, only when rendered.

use std::ops::Range;

/// A half-open byte range `[start, end)` over a text, on `char` boundaries.
///
/// It can only be made against the text it points into, so it never points outside it.
///
/// ```
/// use corroborate_annotate::Span;
/// let text = "Héllo world";
/// let span = Span::new(text, 0, 6).unwrap();
/// assert_eq!(span.of(text), "Héllo");
/// assert!(Span::new(text, 0, 2).is_none()); // inside 'é'
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    start: usize,
    end: usize,
}

impl Span {
    /// A span of `text`, or `None` if `start > end`, `end` is past the text, or either end
    /// falls inside a character.
    pub fn new(text: &str, start: usize, end: usize) -> Option<Span> {
        (start <= end && text.is_char_boundary(start) && text.is_char_boundary(end)).then_some(Span { start, end })
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The text this span covers. Panics only if `text` is not the text the span was made on
    /// and is shorter than it.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Converts byte offsets of one text into Unicode code point offsets.
pub struct CodePoints {
    /// `starts[i]` is the byte offset of the i-th char; a final entry holds the text length.
    starts: Vec<usize>,
}

impl CodePoints {
    pub fn new(text: &str) -> CodePoints {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CodePoints { starts }
    }

    /// The code point offset of a byte offset on a char boundary.
    pub fn of_byte(&self, byte: usize) -> usize {
        self.starts.partition_point(|&b| b < byte)
    }

    /// `(start, end)` of a span in code points.
    pub fn of_span(&self, span: Span) -> (usize, usize) {
        (self.of_byte(span.start), self.of_byte(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_characters_not_bytes() {
        let text = "a—b “c”";
        let cp = CodePoints::new(text);
        let c = text.find('c').unwrap();
        assert_eq!(cp.of_byte(c), 5);
        assert_eq!(cp.of_byte(text.len()), text.chars().count());
        assert_eq!(cp.of_span(Span::new(text, c, c + 1).unwrap()), (5, 6));
    }
}
