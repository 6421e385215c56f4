package quote

import (
	"bytes"
	"strings"
	"testing"

	"storyline"
)

func TestClauseModel(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		rules    int    // quotes the rules alone find
		has      string // a word of the quote only the model finds, "" for none
		spk, cue string
	}{
		{"noun cue the rules pass over", "Councillor Lind is keeping up his criticism of the port board before the vote on the lease.", 0, "the port board", "Councillor Lind", "criticism"},
		{"a report the rules find stays theirs", "Mayor Varga hopes the new ferry schedule will win back the island voters.", 1, "", "", ""},
		{"no cue at all", "The ferry left Castelmar at dawn and reached the island by noon.", 0, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := ExtractWith(nil, tt.text, nil, nil)
			if len(rules) != tt.rules {
				t.Fatalf("rules: want %d quotes, got %s", tt.rules, dump(rules))
			}
			got := Extract(tt.text, nil, nil)
			checkInvariants(t, tt.text, got)
			if tt.has == "" {
				if len(got) != len(rules) {
					t.Fatalf("want the rules' quotes only; got %s", dump(got))
				}
				return
			}
			var q *storyline.Quote
			for i := range got {
				if strings.Contains(got[i].Text, tt.has) {
					q = &got[i]
				}
			}
			if q == nil || q.Kind != storyline.Indirect || q.SpeakerText != tt.spk || q.Cue != tt.cue {
				t.Fatalf("want an indirect quote holding %q, phrase %q, cue %q; got %s", tt.has, tt.spk, tt.cue, dump(got))
			}
		})
	}
}

func TestReadClauseModel(t *testing.T) {
	tests := []struct {
		name, in string
		th       float64
		err      string
	}{
		{"weights and threshold", "#threshold\t0.5\nw=vowed\t1.5\nbias\t-0.25\n", 0.5, ""},
		{"default threshold", "w=vowed\t1.5\n", ClauseThreshold, ""},
		{"blank lines", "\nw=vowed\t1.5\n\n", ClauseThreshold, ""},
		{"no tab", "w=vowed 1.5\n", 0, "line 1"},
		{"bad weight", "w=vowed\tx\n", 0, "bad weight"},
		{"not a number", "w=vowed\tNaN\n", 0, "bad weight"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ReadClauseModel(strings.NewReader(tt.in))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("want error with %q, got %v", tt.err, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if m.Threshold != tt.th {
				t.Errorf("threshold %v, want %v", m.Threshold, tt.th)
			}
			if m.w[featHash("w=vowed")] != 1.5 {
				t.Errorf("weight of w=vowed is %v, want 1.5", m.w[featHash("w=vowed")])
			}
		})
	}
}

// TestClauseFeatureNames checks that the hash of each feature's name,
// as training writes it, is the hash Extract computes piece by piece.
func TestClauseFeatureNames(t *testing.T) {
	txt := "Councillor Lind is keeping up his criticism of the port board before the vote."
	m, _ := TrainClauseModel([]TrainDoc{{Text: txt, Attributions: []TrainAttribution{{
		Content: storyline.Span{Start: strings.Index(txt, "the port"), End: len(txt) - 1},
		Cues:    []storyline.Span{{Start: strings.Index(txt, "criticism"), End: strings.Index(txt, " of the")}},
	}}}})
	if len(m.names) == 0 {
		t.Fatal("no features named")
	}
	for h, name := range m.names {
		if featHash(name) != h {
			t.Errorf("feature %q: hash %d, table slot %d", name, featHash(name), h)
		}
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadClauseModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for h := range m.names {
		if d := back.w[h] - m.w[h]; d > 1e-3 || d < -1e-3 {
			t.Errorf("slot %d: read back %v, wrote %v", h, back.w[h], m.w[h])
		}
	}
}

func FuzzReadClauseModel(f *testing.F) {
	f.Add("#threshold\t0.4\nw=said\t2.5\nbias\t-1\n")
	f.Add("w=said\n")
	f.Add("\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ReadClauseModel(strings.NewReader(s))
		if err != nil {
			return
		}
		if len(m.w) != 1<<clauseBits {
			t.Fatalf("table of %d weights", len(m.w))
		}
	})
}
