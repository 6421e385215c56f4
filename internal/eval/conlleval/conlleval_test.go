package conlleval

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		name string
		tags string
		want []Chunk
	}{
		{"empty", "", nil},
		{"all O", "O O O", nil},
		{"IOB1 run", "I-PER I-PER O I-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"IOB1 touching same type", "I-PER B-PER I-PER", []Chunk{{0, 1, "PER"}, {1, 3, "PER"}}},
		{"IOB2", "B-ORG I-ORG B-ORG O", []Chunk{{0, 2, "ORG"}, {2, 3, "ORG"}}},
		{"type change", "I-PER I-ORG", []Chunk{{0, 1, "PER"}, {1, 2, "ORG"}}},
		{"stray I after O", "O I-MISC I-MISC", []Chunk{{1, 3, "MISC"}}},
		{"ends at sequence end", "O B-LOC I-LOC", []Chunk{{1, 3, "LOC"}}},
		{"BILOU", "B-PER L-PER U-LOC O B-ORG I-ORG L-ORG", []Chunk{{0, 2, "PER"}, {2, 3, "LOC"}, {4, 7, "ORG"}}},
		{"IOBES", "S-PER S-PER B-LOC E-LOC", []Chunk{{0, 1, "PER"}, {1, 2, "PER"}, {2, 4, "LOC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Chunks(strings.Fields(tt.tags))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Chunks(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-12 }

func TestScorer(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string // one sentence per element
		want       Counts
		wantType   map[string]Counts
		p, r, f    float64
	}{
		{
			name: "perfect, IOB1 gold against IOB2 prediction",
			gold: []string{"I-PER I-PER O I-LOC"},
			pred: []string{"B-PER I-PER O B-LOC"},
			want: Counts{Gold: 2, Pred: 2, Correct: 2},
			p:    1, r: 1, f: 1,
		},
		{
			name:     "boundary error counts as both a miss and a false alarm",
			gold:     []string{"B-ORG I-ORG I-ORG O"},
			pred:     []string{"B-ORG I-ORG O O"},
			want:     Counts{Gold: 1, Pred: 1, Correct: 0},
			wantType: map[string]Counts{"ORG": {1, 1, 0}},
			p:        0, r: 0, f: 0,
		},
		{
			name:     "type error",
			gold:     []string{"B-PER O B-LOC"},
			pred:     []string{"B-ORG O B-LOC"},
			want:     Counts{Gold: 2, Pred: 2, Correct: 1},
			wantType: map[string]Counts{"PER": {1, 0, 0}, "ORG": {0, 1, 0}, "LOC": {1, 1, 1}},
			p:        0.5, r: 0.5, f: 0.5,
		},
		{
			name: "over several sentences",
			gold: []string{"B-PER I-PER O", "O B-MISC", "B-LOC O O"},
			pred: []string{"B-PER I-PER O", "O O", "B-LOC O B-ORG"},
			want: Counts{Gold: 3, Pred: 3, Correct: 2},
			p:    2.0 / 3, r: 2.0 / 3, f: 2.0 / 3,
		},
		{
			name: "precision and recall differ",
			gold: []string{"B-PER O B-LOC O B-ORG O B-MISC"},
			pred: []string{"B-PER O B-LOC O O O O"},
			want: Counts{Gold: 4, Pred: 2, Correct: 2},
			p:    1, r: 0.5, f: 2.0 / 3,
		},
		{
			name: "no prediction",
			gold: []string{"B-PER"},
			pred: []string{"O"},
			want: Counts{Gold: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Scorer
			for i := range tt.gold {
				s.Add(strings.Fields(tt.gold[i]), strings.Fields(tt.pred[i]))
			}
			if s.All != tt.want {
				t.Errorf("counts = %+v, want %+v", s.All, tt.want)
			}
			for typ, want := range tt.wantType {
				if got := *s.ByType[typ]; got != want {
					t.Errorf("%s counts = %+v, want %+v", typ, got, want)
				}
			}
			r := s.Result("ner", "PER", "ORG", "LOC", "MISC")
			if !near(r.Precision, tt.p) || !near(r.Recall, tt.r) || !near(r.F1, tt.f) {
				t.Errorf("P/R/F = %v/%v/%v, want %v/%v/%v", r.Precision, r.Recall, r.F1, tt.p, tt.r, tt.f)
			}
			if len(r.PerType) < 4 {
				t.Errorf("per_type has %d entries, want all four types", len(r.PerType))
			}
		})
	}
}

const sample = "-DOCSTART- -X- O O\r\n\r\nEU NNP I-NP I-ORG\r\nrejects VBZ I-VP O\r\n\r\nPeter NNP I-NP I-PER\r\nBlackburn NNP I-NP I-PER\r\n\r\n-DOCSTART- -X- O O\r\nLONDON NNP I-NP I-LOC\r\n"

func TestReadAndWrite(t *testing.T) {
	f, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(f.Docs))
	}
	if got := len(f.Docs[0].Sentences); got != 2 {
		t.Fatalf("doc 0 has %d sentences, want 2", got)
	}
	if got, want := f.Docs[0].Sentences[1].Tokens, []string{"Peter", "Blackburn"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %v, want %v", got, want)
	}
	if got, want := f.Docs[1].Sentences[0].Tags, []string{"I-LOC"}; !reflect.DeepEqual(got, want) {
		t.Errorf("tags = %v, want %v", got, want)
	}
	pred := [][][]string{{{"B-ORG", "O"}, {"B-PER", "I-PER"}}, {{"B-LOC"}}}
	var buf bytes.Buffer
	if err := f.WritePredictions(&buf, pred); err != nil {
		t.Fatal(err)
	}
	want := "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG B-ORG\nrejects VBZ I-VP O O\n\nPeter NNP I-NP I-PER B-PER\nBlackburn NNP I-NP I-PER I-PER\n\n-DOCSTART- -X- O O\nLONDON NNP I-NP I-LOC B-LOC\n"
	if got := buf.String(); got != want {
		t.Errorf("WritePredictions:\n%s\nwant:\n%s", got, want)
	}
}

func TestReadRejectsOneColumn(t *testing.T) {
	if _, err := Read(strings.NewReader("word\n")); err == nil {
		t.Error("Read accepted a one-column line")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Fuzz(func(t *testing.T, s string) {
		file, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range file.Docs {
			for _, sent := range d.Sentences {
				if len(sent.Tokens) != len(sent.Tags) {
					t.Fatal("tokens and tags differ in length")
				}
				for _, c := range Chunks(sent.Tags) {
					if c.Start < 0 || c.End > len(sent.Tags) || c.Start >= c.End {
						t.Fatalf("chunk %v out of range", c)
					}
				}
			}
		}
	})
}
