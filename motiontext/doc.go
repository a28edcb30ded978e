// Package motiontext is plenum's handling of the texts of motions: a small
// Markdown subset parsed into blocks, numbered lines at a fixed line
// length, changes that name lines or paragraphs and give new wording, the
// consolidation of a text with its carried changes, and the word-level
// difference that shows a change.
//
// # The subset
//
// A motion's text is lines of UTF-8. Each line that is not blank is one
// block; blank lines only separate blocks for the eye. A line that starts
// with "# ", "## " or "### " is a heading of that level; "- ", "* " or
// "+ " a bulleted item; a number of at most nine digits and ". " or ") "
// a numbered item ("3. "), which keeps its number. Any other line is a
// paragraph. Within a block, "*text*" or "_text_" is emphasis, "**text**"
// strong emphasis, "***text***" both, and a backslash takes the next
// character as it is ("\*"). An empty HTML comment, "<!---->", reads as
// nothing; Markdown writes it between two styled runs that touch
// ("*a*<!---->**b**"), where their delimiters would otherwise merge. A
// marker without its partner is text. Runs of spaces and tabs count as one
// space. Control characters other than the line break and the tab are
// refused (ErrControl).
//
// # Lines
//
// Lines numbers the lines of a text broken at a fixed width, counted in
// character cells: a letter of any script (Latin, Cyrillic, Greek, …) is
// one cell, a combining mark none, an East Asian wide character two.
// Lines break at spaces and after a hyphen or dash between two letters or
// digits; a no-break space (U+00A0) does not break. A word longer than the
// width is cut at the width. Every block starts a new line; a list item's
// marker stands outside the width. The numbering depends on the text and
// the width only, so every page, document and export that shows the lines
// of a text shows the same numbers.
//
// # Changes
//
// A change names lines (LineSpan) or paragraphs (BlockSpan) and gives new
// wording, itself text in the subset. A Span is a place in the text that
// does not depend on the width: a block and a character offset at each
// end. Apply applies changes that do not overlap, in one deterministic
// way; changes on adjacent lines apply both. Diff shows a change word by
// word against the numbered lines (github.com/sergi/go-diff, Myers'
// algorithm with no time limit, so the same texts always give the same
// difference; a change too long to compare word by word in reasonable
// time, more than 250,000 pairs of words, shows as the old text struck out
// and the new inserted).
package motiontext
