package main

import "testing"

// An article's text is found in a blob that holds it, and not otherwise.
func TestArticleStringsInTheWasm(t *testing.T) {
	type note struct{ Title, Body string }
	article := struct {
		Slug  string
		Notes []note
		Extra map[string]*note
	}{
		Slug:  "short",
		Notes: []note{{"A title long enough to count", "A body that is also long enough"}},
		Extra: map[string]*note{"k": {"Another title, long enough", "x"}},
	}
	strs := longStrings(article, 24)
	if len(strs) != 3 {
		t.Fatalf("longStrings = %q, want the 3 strings of 24 bytes or more", strs)
	}
	blob := []byte("\x00asm...code...A body that is also long enough...data")
	if got := StringsIn(blob, strs); len(got) != 1 || got[0] != "A body that is also long enough" {
		t.Errorf("StringsIn = %q, want the body only", got)
	}
	if got := StringsIn([]byte("\x00asm"), strs); len(got) != 0 {
		t.Errorf("StringsIn of a blob with no text = %q", got)
	}
}
