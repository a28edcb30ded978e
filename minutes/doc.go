// Package minutes renders an assembly's record as the minutes a reader
// expects: the assembly, its organizations and delegates, then each sitting
// with its chair, secretaries and order of the day, the speeches, motions,
// votes with their counts and elections, and at the end the signed
// checkpoint of the log the document was rendered from.
//
// Build turns an assembly.State into a Document, an ordered, format-neutral
// structure; one renderer per format reads the Document and nothing else:
// Markdown, HTML (one self-contained, printable file), PDF, Akoma Ntoso 3.0
// <debate> XML, and Popolo JSON. The output depends only on the state and
// the checkpoint, never on the clock, so that a document can be checked by
// rendering it again from the log at its stated checkpoint and comparing
// the bytes (see docs/minutes.md).
package minutes
