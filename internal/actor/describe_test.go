package actor

import (
	"slices"
	"testing"
)

var descriptionTexts = []string{
	"",
	"The alliance leader arrived. the head of NATO spoke.",
	"Bathe the president. Breathe. The Ukrainian president met the head of the Kremlin.",
	"the spokeswoman of the Foreign Ministry said the prime minister of Kestoria had left",
	"He said the  leader. The\u00a0head of NATO. éThe head of NATO. _the head of NATO",
	"the the the president of Varnia the chief",
	"The secretary-general of the Alliance and the EU foreign minister",
	"tHe head of NATO, The head of NATO2, The Head of NATO",
}

// TestFindDescriptions checks the fast scan against the regexp it
// stands for.
func TestFindDescriptions(t *testing.T) {
	for _, text := range descriptionTexts {
		t.Run(text, func(t *testing.T) {
			want := descriptionRE.FindAllStringIndex(text, -1)
			if got := findDescriptions(text); !slices.EqualFunc(got, want, slices.Equal[[]int]) {
				t.Errorf("findDescriptions = %v, want %v", got, want)
			}
		})
	}
}

func FuzzFindDescriptions(f *testing.F) {
	for _, text := range descriptionTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		want := descriptionRE.FindAllStringIndex(text, -1)
		if got := findDescriptions(text); !slices.EqualFunc(got, want, slices.Equal[[]int]) {
			t.Errorf("findDescriptions(%q) = %v, want %v", text, got, want)
		}
	})
}
