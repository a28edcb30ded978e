package witness

import (
	"bytes"
)

// Merge returns the signed note signed with the signature lines of cosigs
// appended, each of which is one or more note signature lines ("— name
// base64\n") as returned by a witness. Lines already present are not
// repeated. Merge does not check signatures: verify the result with
// note.Open or Policy.Check.
func Merge(signed []byte, cosigs [][]byte) []byte {
	out := bytes.Clone(signed)
	have := map[string]bool{}
	if i := bytes.LastIndex(signed, []byte("\n\n")); i >= 0 {
		for _, l := range bytes.SplitAfter(signed[i+2:], []byte("\n")) {
			have[string(l)] = true
		}
	}
	for _, c := range cosigs {
		for _, l := range bytes.SplitAfter(c, []byte("\n")) {
			if len(l) == 0 || !bytes.HasPrefix(l, []byte("— ")) || l[len(l)-1] != '\n' || have[string(l)] {
				continue
			}
			have[string(l)] = true
			out = append(out, l...)
		}
	}
	return out
}
