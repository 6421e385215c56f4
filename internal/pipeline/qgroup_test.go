package pipeline

import (
	"fmt"
	"testing"

	"storyline/internal/quote"
)

func TestGroupQuotes(t *testing.T) {
	items := []quote.GroupItem{
		{Key: "a", Speaker: "Ilse Brandt", Text: "This is the last chance we will have before the summer boats go out to sea"},
		{Key: "b", Speaker: "Brandt", Text: "this is the last chance we will have before the summer boats go out"},
		{Key: "c", Speaker: "Ilse Brandt", Text: "The council will send observers to the strait next week"},
		{Key: "d", Speaker: "", Text: "the council will send observers to the strait next week"},
		{Key: "e", Speaker: "Aleksandr Petrov", Text: "The council will send observers to the strait next week"},
		{Key: "f", Speaker: "Dmitriy Orlanov", Text: "The strait is our doorstep and we decide who crosses it"},
		{Key: "g", Speaker: "Dmitry Orlanov", Text: "The strait is our doorstep and we decide who crosses it"},
		{Key: "h", Speaker: "Tomas Lind", Text: "The harbour will stay closed until the inspectors finish their work"},
		{Key: "i", Speaker: "Lind", Text: "The port remains shut until inspectors have completed their work"},
	}
	got := groupQuotes(items)
	want := quote.Group(items)
	if fmt.Sprint(canon(got)) != fmt.Sprint(canon(want)) {
		t.Errorf("groupQuotes %v, quote.Group %v: the index must not change the grouping", got, want)
	}
	if got[0] != got[1] || got[5] != got[6] || got[7] != got[8] || got[0] == got[2] {
		t.Errorf("groups %v: a/b, f/g and h/i (one statement in other words) must share a group, a and c must not", got)
	}
}

// canon renumbers groups in order of first appearance.
func canon(g []int) []int {
	m := map[int]int{}
	out := make([]int, len(g))
	for i, x := range g {
		if _, ok := m[x]; !ok {
			m[x] = len(m)
		}
		out[i] = m[x]
	}
	return out
}

func BenchmarkGroupQuotes(b *testing.B) {
	var items []quote.GroupItem
	for i := range 5000 {
		items = append(items, quote.GroupItem{Key: fmt.Sprint(i), Speaker: []string{"Ilse Brandt", "Aleksandr Petrov", "Mara Quist"}[i%3],
			Text: fmt.Sprintf("We will not give up on meeting number %d in the port of Selm, whatever the council decides about quota %d", i, i*7)})
	}
	b.ReportAllocs()
	for b.Loop() {
		groupQuotes(items)
	}
}
