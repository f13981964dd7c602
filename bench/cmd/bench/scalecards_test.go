package main

import "testing"

func TestTheLargestArchiveHasAHotCardAndAbout500Cards(t *testing.T) {
	p := planCards(10000, 5)
	if got := p.variants * 5; got < libraryCards || got >= libraryCards+5 {
		t.Errorf("%d cards in the library, want about %d", got, libraryCards)
	}
	uses := make(map[int]int)
	for i := range 10000 {
		uses[p.variant(i)]++
	}
	if uses[0] != hotUses {
		t.Errorf("the hot variant is shown by %d articles, want %d", uses[0], hotUses)
	}
	if len(uses) != p.variants {
		t.Errorf("%d variants shown, want all %d", len(uses), p.variants)
	}
	for v, n := range uses {
		if v != 0 && (n < 80 || n > 82) {
			t.Errorf("variant %d is shown by %d articles, want the other 8,000 spread evenly", v, n)
		}
	}
	if one := planCards(1, 5); one.variants != 1 || one.variant(0) != 0 {
		t.Errorf("one article: %+v, want one variant of each card", one)
	}
}

func TestWithoutFieldDropsAFieldAndItsLines(t *testing.T) {
	front := "title: T\naliases:\n  - Ukraine Facility\n  - EU aid\nkind: figure\naliases2: x\n"
	if got := string(withoutField([]byte(front), "aliases")); got != "title: T\nkind: figure\naliases2: x\n" {
		t.Errorf("withoutField = %q", got)
	}
}
