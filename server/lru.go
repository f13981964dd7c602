package server

import (
	"container/list"
	"sync"
)

// lru keeps pages, with their compressed copies, within a bound on their
// bytes, forgetting the least recently used first: an archive of any
// size costs the server at most the bound.
type lru struct {
	mu    sync.Mutex
	max   int
	bytes int
	order *list.List // of *lruItem, the most recent first
	items map[string]*list.Element
}

type lruItem struct {
	key  string
	e    *encoded
	size int
}

func newLRU(maxBytes int) *lru {
	return &lru{max: maxBytes, order: list.New(), items: make(map[string]*list.Element)}
}

func (c *lru) get(key string) (*encoded, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruItem).e, true
}

// put keeps e under key. Its size counts its body and, as they are made
// on first use, room for its gzip and brotli copies (together about a
// third of the body, for a page).
func (c *lru) put(key string, e *encoded) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.order.MoveToFront(el)
		return
	}
	it := &lruItem{key: key, e: e, size: len(e.identity) + len(e.identity)/3}
	c.items[key] = c.order.PushFront(it)
	c.bytes += it.size
	for c.bytes > c.max && c.order.Len() > 1 {
		old := c.order.Back()
		c.order.Remove(old)
		oi := old.Value.(*lruItem)
		delete(c.items, oi.key)
		c.bytes -= oi.size
	}
}

// len is how many pages are kept.
func (c *lru) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
