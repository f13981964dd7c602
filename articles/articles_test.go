package articles

import (
	"reflect"
	"testing"
)

// The shipped articles parse: a broken one would stop `gloss serve` at
// start-up.
func TestShippedArticlesParse(t *testing.T) {
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
}

func TestTheSeedArticleIsServedAtTheRoot(t *testing.T) {
	all := All()
	if len(all) == 0 || all[0].Slug != "ukraine-talks-2024" {
		t.Fatalf("the first article is not the seed article")
	}
}

// The archive of the shipped articles lists and reads what Load does.
func TestTheArchiveReadsWhatLoadDoes(t *testing.T) {
	arch, err := Archive()
	if err != nil {
		t.Fatal(err)
	}
	all := All()
	entries := arch.Entries()
	if len(entries) != len(all) {
		t.Fatalf("%d entries, %d articles", len(entries), len(all))
	}
	for i, want := range all {
		got, _, err := arch.Article(entries[i].Slug)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("article %d (%s): %v, or not as Load reads it", i, entries[i].Slug, err)
		}
	}
}
