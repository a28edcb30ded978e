package web

import (
	"net/url"
	"testing"
)

func TestFormArgs(t *testing.T) {
	cases := []struct {
		name string
		form url.Values
		want string
		err  bool
	}{
		{"strings, empty left out", url.Values{"a:item": {"i1"}, "a:side": {""}, "cmd": {"request_floor"}, "csrf": {"x"}}, `{"item":"i1"}`, false},
		{"int", url.Values{"a:unnamed:int": {" 12 "}}, `{"unnamed":12}`, false},
		{"not an int", url.Values{"a:unnamed:int": {"twelve"}}, "", true},
		{"bool", url.Values{"a:walkout:bool": {"1"}}, `{"walkout":true}`, false},
		{"list", url.Values{"a:persons:list": {"a, b c", "d"}}, `{"persons":["a","b","c","d"]}`, false},
		{"counts", url.Values{"a:for:count": {"38"}, "a:against:count": {"62-68"}, "a:abstain:count": {"rest"}}, `{"abstain":"rest","against":"62-68","for":38}`, false},
		{"points", url.Values{"a:points:points": {"1. The war is imperialist.\n\n2a. Peace now.\nNo number here"}},
			`{"points":[{"number":"1","text":"The war is imperialist."},{"number":"2a","text":"Peace now."},{"number":"","text":"No number here"}]}`, false},
		{"object members", url.Values{"a:alternatives.m1:count": {"40"}, "a:alternatives.m2:count": {"rest"}, "a:vote": {"v1"}}, `{"alternatives":{"m1":40,"m2":"rest"},"vote":"v1"}`, false},
		{"ranking", url.Values{"a:ranking:rank": {"2:olga", "", "1:ivan", "10:rosa"}}, `{"ranking":["ivan","olga","rosa"]}`, false},
		{"ranking, a number twice", url.Values{"a:ranking:rank": {"1:olga", "1:ivan"}}, "", true},
		{"ranking, no number", url.Values{"a:ranking:rank": {"olga"}}, "", true},
		{"lists", url.Values{"a:lists:lists": {"l1 | The left | ivan, olga\n\nl2 | The right | rightists | pavel rosa"}},
			`{"lists":[{"id":"l1","name":"The left","tendency":"","candidates":["ivan","olga"]},{"id":"l2","name":"The right","tendency":"rightists","candidates":["pavel","rosa"]}]}`, false},
		{"lists, a line without candidates", url.Values{"a:lists:lists": {"l1 | The left"}}, "", true},
		{"unknown type", url.Values{"a:x:float": {"1.5"}}, "", true},
	}
	for _, c := range cases {
		got, err := formArgs(c.form, nil)
		if (err != nil) != c.err {
			t.Errorf("%s: error %v", c.name, err)
			continue
		}
		if !c.err && string(got) != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
	}
}
