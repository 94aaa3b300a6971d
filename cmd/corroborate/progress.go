package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress draws one status line on a terminal, at most a few times a
// second, and nothing when output is not a terminal.
type progress struct {
	mu     sync.Mutex
	w      io.Writer
	on     bool
	last   time.Time
	drawn  bool
	latest string
}

func newProgress(w io.Writer, mode string) *progress {
	on := mode == "always"
	if mode == "auto" {
		if f, ok := w.(*os.File); ok {
			if info, err := f.Stat(); err == nil && info.Mode()&os.ModeCharDevice != 0 {
				on = true
			}
		}
	}
	return &progress{w: w, on: on}
}

// update reports how far a stage has come; total is zero when unknown.
func (p *progress) update(stage string, done, total int) {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if total > 0 {
		p.latest = fmt.Sprintf("%-8s %d/%d (%d%%)", stage, done, total, done*100/total)
	} else {
		p.latest = fmt.Sprintf("%-8s %d", stage, done)
	}
	if time.Since(p.last) < 100*time.Millisecond && done != total {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r\033[K%s", p.latest)
	p.drawn = true
}

// done clears the status line.
func (p *progress) done() {
	if p == nil || !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
