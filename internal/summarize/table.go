package summarize

// table numbers concepts: an open-addressing hash table from concept hash
// to number. Weighing a large story looks up a few hundred thousand
// concepts; a flat table of known size does that in about a third of the
// time a map takes, since no lookup chases a pointer.
type table struct {
	keys  []concept // 0 marks an empty slot
	ids   []int32
	shift uint
	n     int
}

// newTable returns a table for up to n concepts, at most three quarters
// full: with a multiplicative hash, probes stay short at that load, and the
// table takes half the memory a half-full one does (1.5 MB for 200 WikiRef
// articles), which the collector no longer has to make room for.
func newTable(n int) *table {
	size, shift := 16, uint(60)
	for 3*size < 4*n {
		size *= 2
		shift--
	}
	return &table{keys: make([]concept, size), ids: make([]int32, size), shift: shift}
}

// slot returns where k is or would go.
func (t *table) slot(k concept) int {
	if k == 0 {
		k = 1 // 0 marks empty slots; a real hash of 0 shares 1's slot
	}
	mask := len(t.keys) - 1
	i := int((k * 0x9e3779b97f4a7c15) >> t.shift)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// get returns the number of k, if it has one.
func (t *table) get(k concept) (int32, bool) {
	i := t.slot(k)
	return t.ids[i], t.keys[i] != 0
}

// put returns the number of k, giving it the next one if it is new.
func (t *table) put(k concept) (id int32, added bool) {
	i := t.slot(k)
	if t.keys[i] != 0 {
		return t.ids[i], false
	}
	if 4*(t.n+1) > 3*len(t.keys) {
		t.grow()
		i = t.slot(k)
	}
	t.keys[i] = max(k, 1)
	t.ids[i] = int32(t.n)
	t.n++
	return t.ids[i], true
}

// grow doubles the table, keeping every concept's number.
func (t *table) grow() {
	old := *t
	*t = *newTable(len(old.keys))
	t.n = old.n
	for i, k := range old.keys {
		if k != 0 {
			j := t.slot(k)
			t.keys[j], t.ids[j] = k, old.ids[i]
		}
	}
}
