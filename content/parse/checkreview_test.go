package parse

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gloss/gloss/content/review"
)

// The fixture archive's review: the card no article shows, the card
// whose as-of date is older than the limit, the article that names a
// card by an alias without showing it, and how many articles show each.
func TestCheckReviewsTheSharedArchive(t *testing.T) {
	dir := filepath.Join("..", "..", "internal", "fixtures", "testdata", "shared")
	o := review.Options{Now: time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC), Stale: 180 * 24 * time.Hour}
	articles, _, r, err := CheckReview([]string{dir}, o)
	if err != nil || articles != 3 {
		t.Fatalf("%d articles, %v", articles, err)
	}
	var got []string
	for _, w := range r.Warnings {
		got = append(got, w.Kind+" "+w.Card+" "+strings.TrimPrefix(w.File, dir+string(filepath.Separator))+" "+strconv.Itoa(w.Line))
	}
	want := []string{
		"stale heritage-grant cards/heritage-grant.md 0",
		"unused tram-line cards/tram-line.md 0",
		"not-included heritage-grant library-reopens/article.md 12",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	uses := map[string]int{}
	for _, u := range r.Usage {
		uses[u.Card] = u.Articles
	}
	if uses["library-roof"] != 3 || uses["footbridge"] != 3 || uses["heritage-grant"] != 1 || uses["tram-line"] != 0 || len(uses) != 4 {
		t.Errorf("usage %v", uses)
	}
	// A note given alone is checked, not reviewed.
	_, _, r, err = CheckReview([]string{filepath.Join(dir, "library-reopens", "notes", "roof.md")}, o)
	if err != nil || len(r.Warnings) != 0 {
		t.Errorf("a note alone: %v, %v", r.Warnings, err)
	}
}
