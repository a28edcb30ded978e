// Package demo holds plenum's demo: the command script of the All-Russian
// Conference of Party Workers of March 1917, restored from the minutes that
// L. Trotsky published in "The Stalin School of Falsification".
package demo

import _ "embed"

// AssemblyID is the id of the demo's assembly, as named by the script's
// create_assembly command.
const AssemblyID = "march-1917"

// Script is the demo's command script (docs/script.md): one JSON command per
// line, with comment lines that mark where each part of the source begins.
//
//go:embed march-1917.jsonl
var Script []byte
