package compare

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZProbe(t *testing.T) {
	for _, s := range strings.Split(os.Getenv("PROBE"), "||") {
		res := analyze(t, art{id: "a", outlet: "A", text: s})
		var parts []string
		for _, a := range res.Attributions {
			parts = append(parts, fmt.Sprintf("%s=%s", a.Cited, a.Kind))
		}
		fmt.Printf("%-70.70s -> %s\n", s, strings.Join(parts, "; "))
	}
}
