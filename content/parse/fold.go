package parse

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

	"github.com/gloss/gloss/content"
)

// CountUses counts, for each card id, the entries that show the card:
// each shared note's Uses, "Used in N articles".
func CountUses(entries []content.Entry) map[string]int {
	uses := make(map[string]int)
	for _, e := range entries {
		for _, id := range e.Cards {
			uses[id]++
		}
	}
	return uses
}

// FoldVersion is the Version of an article in an archive: files, the
// Version of its files (IndexArticle's), folded with the Version and the
// number of uses of each card it shows, given by card. What is built of
// an article (its page) shows its cards and their uses, so it is right
// for as long as this Version is the same; and a card's edit, or a new
// article showing it, changes the Version of exactly the articles that
// show it. An article that shows no card keeps its files' Version.
//
// Both archives (parse's and watch's) fold their entries with it, so an
// article has one Version whichever serves it.
func FoldVersion(files string, cards []string, card func(id string) (version string, uses int)) string {
	if len(cards) == 0 {
		return files
	}
	h := sha256.New()
	h.Write([]byte(files))
	var buf [8]byte
	for _, id := range cards {
		version, uses := card(id)
		h.Write([]byte{0})
		h.Write([]byte(id))
		h.Write([]byte{0})
		h.Write([]byte(version))
		binary.LittleEndian.PutUint64(buf[:], uint64(uses))
		h.Write(buf[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}
