package quote

import "testing"

func TestGroup(t *testing.T) {
	tests := []struct {
		name  string
		items []GroupItem
		same  [][2]int // pairs that must share a group
		apart [][2]int // pairs that must not
	}{
		{
			name: "verbatim, trimmed and translated renderings of one statement",
			items: []GroupItem{
				{"a", "Olga Brandt", "The state is not a party to this contract, and it will not pay for the wage rise."},
				{"b", "Brandt", "The state is not a party to this contract"},
				{"c", "Olga Brandt", "the state is no party to the contract and will not pay the wage rise"},
				{"d", "", "The state is not a party to this contract, and it will not pay for the wage rise."},
			},
			same: [][2]int{{0, 1}, {0, 2}, {0, 3}},
		},
		{
			name: "translations in other words: synonyms and plurals count as one word",
			items: []GroupItem{
				{"a", "Ilse Varga", "We are ready to discuss any security guarantees for Castelmar, but only together with our partners."},
				{"b", "Varga", "We are prepared to talk about all security guarantees for Castelmar, but only jointly with our partners."},
				{"c", "Tomas Lind", "The harbour will stay closed until the inspectors finish their work."},
				{"d", "Lind", "The port remains shut until inspectors have completed their work."},
				{"e", "Ilse Varga", "This is a historic day for our country and for the whole region."},
				{"f", "Ilse Varga", "Today is a historic day for our nation and for the entire region."},
				{"g", "Tomas Lind", "The crews will not sail until the owners pay the wages they owe."},
				{"h", "Tomas Lind", "The crew will not sail until the owner pays the wage it owes."},
			},
			same:  [][2]int{{0, 1}, {2, 3}, {4, 5}, {6, 7}},
			apart: [][2]int{{0, 4}, {2, 6}},
		},
		{
			name: "synonyms do not join two statements on one topic",
			items: []GroupItem{
				{"a", "Tomas Lind", "The harbour will stay closed until the inspectors finish their work."},
				{"b", "Tomas Lind", "The port will open again once the inspectors start their work on Monday."},
				{"c", "Ilse Varga", "We are ready to discuss security guarantees with our partners."},
				{"d", "Ilse Varga", "Our partners are not yet ready to give Castelmar security guarantees."},
				{"e", "Ilse Varga", "We will not stop the talks until the ceasefire holds along the whole coast."},
				{"f", "Ilse Varga", "We will stop the talks at once if the truce fails anywhere on the coast."},
			},
			apart: [][2]int{{0, 1}, {2, 3}, {4, 5}, {2, 4}},
		},
		{
			name: "a quote of unknown speaker links no two speakers",
			items: []GroupItem{
				{"a", "Tomas Lind", "Harbour minister Ilse Varga called the blockade of Castelmar \"a disgrace\""},
				{"b", "", "the harbour board is not trying to avoid harbour minister Ilse Varga, who called the blockade of Castelmar \"a disgrace\" and whose deputy found the inspections \"extremely careless\""},
				{"c", "Ilse Varga", "the inspections \"extremely careless\""},
			},
			apart: [][2]int{{0, 2}},
		},
		{
			name: "two statements of one speaker on one topic never merge",
			items: []GroupItem{
				{"a", "Maria Santos", "We need security guarantees for the workers now."},
				{"b", "Maria Santos", "Security guarantees for the workers must be written into the contract."},
				{"c", "Santos", "The strike goes on until the deal is signed."},
				{"d", "Santos", "Nobody returns to work until the deal is signed by both sides."},
			},
			apart: [][2]int{{0, 1}, {0, 2}, {1, 3}, {2, 3}},
		},
		{
			name: "one statement by two speakers stays apart",
			items: []GroupItem{
				{"a", "Jan Meyer", "We lost three weeks of trade and we will not get that back."},
				{"b", "Olga Brandt", "We lost three weeks of trade and we will not get that back."},
			},
			apart: [][2]int{{0, 1}},
		},
		{
			name: "transliterated surnames",
			items: []GroupItem{
				{"a", "Aleksandr Vetrenko", "Varnia does not keep sailors as bargaining chips in any dispute."},
				{"b", "Alexander Wetrenko", "Varnia does not keep sailors as bargaining chips in any dispute."},
				{"c", "Yuriy Tamaev", "We held the ship according to the law and we release it according to the law."},
				{"d", "Yury Tamayev", "We held the ship according to the law and we release it according to the law."},
				{"e", "Tomas Rebane", "We held the ship according to the law and we release it according to the law."},
			},
			same:  [][2]int{{0, 1}, {2, 3}},
			apart: [][2]int{{2, 4}},
		},
		{
			name: "surnames compared loosely",
			items: []GroupItem{
				{"a", "Dmitriy Orlanov", "Varnia is not afraid of any talks with its neighbours."},
				{"b", "Dmitry Orlanov", "Varnia is not afraid of any talks with the neighbours."},
			},
			same: [][2]int{{0, 1}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := Group(tt.items)
			if len(g) != len(tt.items) {
				t.Fatalf("got %d groups for %d items", len(g), len(tt.items))
			}
			for _, p := range tt.same {
				if g[p[0]] != g[p[1]] {
					t.Errorf("items %d and %d: groups %d and %d, want one", p[0], p[1], g[p[0]], g[p[1]])
				}
			}
			for _, p := range tt.apart {
				if g[p[0]] == g[p[1]] {
					t.Errorf("items %d and %d share group %d", p[0], p[1], g[p[0]])
				}
			}
			if g[0] != 0 {
				t.Errorf("first group index is %d, want 0", g[0])
			}
		})
	}
}

func TestGroupCandidatesMatchesGroup(t *testing.T) {
	items := []GroupItem{
		{"a", "Dmitriy Orlanov", "Varnia is not afraid of any talks with its neighbours."},
		{"b", "Dmitry Orlanov", "Varnia is not afraid of any talks with the neighbours."},
		{"c", "Johanna Keel", "The crew must come home before any talks begin."},
		{"d", "", "the crew must come home before any talks begin"},
		{"e", "Johanna Keel", "We will not pay a single coin for passage through the strait."},
	}
	all := make([][]int, len(items))
	for i := range items {
		for j := 0; j < i; j++ {
			all[i] = append(all[i], j)
		}
	}
	got, want := GroupCandidates(items, all), Group(items)
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("GroupCandidates %v, Group %v", got, want)
		}
	}
	if none := GroupCandidates(items, nil); none[0] == none[1] {
		t.Errorf("items with no candidates were grouped: %v", none)
	}
}
