package articles

import "testing"

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
