package ballot_test

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"plenum/ballot"
)

var update = flag.Bool("update", false, "rewrite testdata/vectors.json")

const vectorsFile = "testdata/vectors.json"

// TestVectors regenerates the known-answer vectors with the fixed
// randomness and requires them to be byte for byte the committed file,
// then checks the file as an independent verifier would.
func TestVectors(t *testing.T) {
	got, err := ballot.GenerateVectors()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(vectorsFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("the vectors this code generates differ from %s: the protocol's encoding or arithmetic changed (if on purpose, rerun with -update and bump the protocol version)", vectorsFile)
	}
	if err := ballot.CheckVectors(want); err != nil {
		t.Fatal(err)
	}
}

// rfc9496Multiples are n·G for n = 0..15, from RFC 9496, appendix A.1.
var rfc9496Multiples = []string{
	"0000000000000000000000000000000000000000000000000000000000000000",
	"e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76",
	"6a493210f7499cd17fecb510ae0cea23a110e8d5b901f8acadd3095c73a3b919",
	"94741f5d5d52755ece4f23f044ee27d5d1ea1e2bd196b462166b16152a9d0259",
	"da80862773358b466ffadfe0b3293ab3d9fd53c5ea6c955358f568322daf6a57",
	"e882b131016b52c1d3337080187cf768423efccbb517bb495ab812c4160ff44e",
	"f64746d3c92b13050ed8d80236a7f0007c3b3f962f5ba793d19a601ebb1df403",
	"44f53520926ec81fbd5a387845beb7df85a96a24ece18738bdcfa6a7822a176d",
	"903293d8f2287ebe10e2374dc1a53e0bc887e592699f02d077d5263cdd55601c",
	"02622ace8f7303a31cafc63f8fc48fdc16e1c8c8d234b2f0d6685282a9076031",
	"20706fd788b2720a1ed2a5dad4952b01f413bcf0e7564de8cdc816689e2db95f",
	"bce83f8ba5dd2fa572864c24ba1810f9522bc6004afe95877ac73241cafdab42",
	"e4549ee16b9aa03099ca208c67adafcafa4c3f3e4e5303de6026e3ca8ff84460",
	"aa52e000df2e16f55fb1032fc33bc42742dad6bd5a8fc0be0167436c5948501f",
	"46376b80f409b29dc2b5f6f0c52591990896e5716f41477cd30085ab7f10301e",
	"e0c418f7c8d9c4cdd7395b93ea124f3ad99021bb681dfc3302a9d99a2e53e64e",
}

// TestVectorsGroupAgainstRFC9496 checks the vectors' group section against
// the RFC's own values, an outside reference.
func TestVectorsGroupAgainstRFC9496(t *testing.T) {
	data, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Group struct {
			Multiples []string `json:"multiples"`
		} `json:"group"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Group.Multiples) != len(rfc9496Multiples) {
		t.Fatalf("%d multiples, want %d", len(v.Group.Multiples), len(rfc9496Multiples))
	}
	for i, m := range v.Group.Multiples {
		if m != rfc9496Multiples[i] {
			t.Errorf("%d·G = %s, RFC 9496 says %s", i, m, rfc9496Multiples[i])
		}
		if _, err := hex.DecodeString(m); err != nil {
			t.Error(err)
		}
	}
}

// TestApprovalOverLimitVector: the vector of three approvals where two
// are allowed has every mark's 0-or-1 proof valid, so it is the range
// proof of the sum that refuses it.
func TestApprovalOverLimitVector(t *testing.T) {
	raw, err := os.ReadFile(vectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	var v ballot.Vectors
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	appr := v.Ballots[3]
	for _, r := range v.Refused {
		if r.Name != "approval: three approvals where at most two are allowed" {
			continue
		}
		b, err := ballot.DecodeBallot([]byte(r.Data))
		if err != nil {
			t.Fatal(err)
		}
		err = b.Verify(v.Key, appr.Question, appr.Voter)
		if ballot.ErrorCode(err) != "invalid-proof" || !strings.Contains(err.Error(), "the proof that 0 to 2 options are marked") {
			t.Fatalf("refused as %v; want the range proof of the sum to fail", err)
		}
		return
	}
	t.Fatal("no vector of three approvals")
}
