package dedupe

// bandTable maps LSH band keys to the articles that have them: an
// open-addressing multimap of 32-bit key fingerprints to arrival indexes,
// 8 bytes a slot. A Go map of slices would cost some 60 bytes per entry,
// and an article makes one entry per band. Fingerprint collisions only add
// candidates, which are checked against the full signatures anyway.
type bandTable struct {
	keys []uint32 // 0: empty
	vals []int32
	used int
}

// maxLoad keeps probe runs short.
const maxLoad = 0.7

func (t *bandTable) add(key uint32, v int32) {
	if float64(t.used+1) > maxLoad*float64(len(t.keys)) {
		t.grow()
	}
	key |= 1
	mask := uint32(len(t.keys) - 1)
	for i := spread(key) & mask; ; i = (i + 1) & mask {
		if t.keys[i] == 0 {
			t.keys[i], t.vals[i] = key, v
			t.used++
			return
		}
	}
}

// each calls fn with every value stored under key.
func (t *bandTable) each(key uint32, fn func(v int32)) {
	if len(t.keys) == 0 {
		return
	}
	key |= 1
	mask := uint32(len(t.keys) - 1)
	for i := spread(key) & mask; t.keys[i] != 0; i = (i + 1) & mask {
		if t.keys[i] == key {
			fn(t.vals[i])
		}
	}
}

// remove deletes the entry of value v under key, shifting back the
// entries of the probe run behind it so that lookups still find them
// without tombstones.
func (t *bandTable) remove(key uint32, v int32) {
	if len(t.keys) == 0 {
		return
	}
	key |= 1
	mask := uint32(len(t.keys) - 1)
	i := spread(key) & mask
	for ; t.keys[i] != key || t.vals[i] != v; i = (i + 1) & mask {
		if t.keys[i] == 0 {
			return
		}
	}
	for j := (i + 1) & mask; t.keys[j] != 0; j = (j + 1) & mask {
		// An entry may fill the hole at i unless its home slot lies
		// cyclically in (i, j]: then i is before its home.
		home := spread(t.keys[j]) & mask
		if (j-home)&mask >= (j-i)&mask {
			t.keys[i], t.vals[i] = t.keys[j], t.vals[j]
			i = j
		}
	}
	t.keys[i], t.vals[i] = 0, 0
	t.used--
}

func (t *bandTable) grow() {
	keys, vals := t.keys, t.vals
	size := max(1024, 2*len(keys))
	t.keys, t.vals, t.used = make([]uint32, size), make([]int32, size), 0
	for i, k := range keys {
		if k != 0 {
			t.add(k, vals[i])
		}
	}
}

// spread scrambles a key so that nearby keys land apart.
func spread(k uint32) uint32 {
	k ^= k >> 16
	k *= 0x45d9f3b
	k ^= k >> 16
	return k
}
