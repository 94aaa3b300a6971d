package pipeline

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/corroborate/corroborate/internal/news"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// featureTexts are clean texts of the kinds a store holds: English with
// names, figures and a quote, other languages, a headline alone.
var featureTexts = []news.Article{
	{ID: "en", Title: "Flood closes Harbor Bridge", Text: "Floodwater closed the Harbor Bridge on Tuesday, the city said. " +
		"About 1,200 homes lost power and 24 people were moved to shelters. " +
		"\"We have never seen the river this high,\" Mayor Ana Ortiz told reporters. " +
		"Repairs could cost $3.5 million, according to the Department of Transportation."},
	{ID: "fr", Title: "L'accord sur le climat signé à Paris", Text: "Les ministres ont signé l'accord mardi soir à Paris. " +
		"Le texte prévoit une baisse des émissions de 40 % d'ici à 2030. " +
		"« C'est un jour historique », a déclaré la ministre de l'Environnement."},
	{ID: "de", Title: "Streik legt den Bahnverkehr lahm", Text: "Ein Streik der Lokführer hat am Montag den Bahnverkehr in weiten Teilen " +
		"Deutschlands lahmgelegt. Die Gewerkschaft fordert mehr Lohn und kürzere Arbeitszeiten. " +
		"Die Bahn sprach von einem unverhältnismäßigen Ausstand."},
	{ID: "zh", Title: "北京发布暴雨预警", Text: "北京市气象台周二发布暴雨橙色预警。预计全市将出现大到暴雨，局地有大暴雨。市政府要求各部门做好防汛准备。"},
	{ID: "ja", Title: "東京で大雪", Text: "東京都心で十日、大雪が降った。交通機関に大きな乱れが出ている。気象庁は引き続き警戒を呼びかけている。"},
	{ID: "ru", Title: "В Москве открылась новая станция метро", Text: "В Москве в понедельник открылась новая станция метро. " +
		"Мэр города сказал, что это только начало большой программы строительства."},
	{ID: "headline", Title: "Markets fall as rates rise", Text: "Markets fall as rates rise"},
}

// TestFeaturesVersion fails when what Reprepare makes of a stored text
// changes while FeaturesVersion stays: services would then go on replaying
// stored articles with features that no longer match new ones'.
func TestFeaturesVersion(t *testing.T) {
	h := sha256.New()
	for _, a := range featureTexts {
		p, err := Reprepare(a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		fmt.Fprintf(h, "%s\n", a.ID)
		terms := p.Terms()
		for _, k := range slices.Sorted(maps.Keys(terms)) {
			h.Write(binary.LittleEndian.AppendUint64(nil, k))
			h.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(terms[k])))
		}
		for _, k := range p.TitleTerms() {
			h.Write(binary.LittleEndian.AppendUint64(nil, k))
		}
		sketch, shingles := p.Sketch()
		for _, v := range sketch {
			h.Write(binary.LittleEndian.AppendUint16(nil, v))
		}
		fmt.Fprintf(h, "%d\n", shingles)
	}
	checkVersion(t, "features", FeaturesVersion, hex.EncodeToString(h.Sum(nil)))
}

// TestAnalysisVersion fails when what Compare makes of fixed stories
// changes while AnalysisVersion stays: services would then go on showing
// the analyses an older version stored.
func TestAnalysisVersion(t *testing.T) {
	stories := map[string][]*news.Article{}
	for _, a := range readExamples(t) {
		p, err := Prepare(*a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		story := "flood"
		for _, topic := range []string{"rail", "chess"} {
			if strings.Contains(a.ID, topic) {
				story = topic
			}
		}
		stories[story] = append(stories[story], p.Article())
	}
	h := sha256.New()
	for _, id := range slices.Sorted(maps.Keys(stories)) {
		report, err := Compare(id, stories[id], DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		body, err := json.Marshal(report)
		if err != nil {
			t.Fatal(err)
		}
		h.Write(body)
	}
	if len(stories) != 3 {
		t.Fatalf("the examples make stories %v, want flood, rail and chess", slices.Sorted(maps.Keys(stories)))
	}
	checkVersion(t, "analysis", AnalysisVersion, hex.EncodeToString(h.Sum(nil)))
}

// checkVersion compares what a versioned stage makes of fixed input
// (digest) with testdata/NAME.golden, which records the version that made
// it: the output may only change with the version. -update records a new
// digest only under a new version, so that it cannot wave a change through.
func checkVersion(t *testing.T, name string, version int, digest string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && *update {
		writeVersion(t, path, version, digest)
		return
	}
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	fields := strings.Fields(string(data))
	if len(fields) != 4 || fields[0] != "version" || fields[2] != "sha256" {
		t.Fatalf("%s: want \"version N\" and \"sha256 HEX\" lines, got %q", path, data)
	}
	recorded, err := strconv.Atoi(fields[1])
	switch {
	case err != nil:
		t.Fatalf("%s: %v", path, err)
	case recorded == version && digest != fields[3]:
		t.Fatalf("what the %s stage makes of stored input changed (sha256 %s, was %s): bump its version in "+
			"internal/pipeline so that services redo what they stored, then run with -update", name, digest, fields[3])
	case *update:
		writeVersion(t, path, version, digest)
	case recorded != version:
		t.Fatalf("%s records %s version %d, the code has %d: run with -update", path, name, recorded, version)
	}
}

func writeVersion(t *testing.T, path string, version int, digest string) {
	t.Helper()
	if err := os.WriteFile(path, fmt.Appendf(nil, "version %d\nsha256 %s\n", version, digest), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestReprepareMatchesPrepare: a stored article, cleaned once, gets from
// Reprepare the features Prepare gave it, so re-preparing a store changes
// nothing until the features do.
func TestReprepareMatchesPrepare(t *testing.T) {
	for _, a := range readExamples(t) {
		first, err := Prepare(*a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		again, err := Reprepare(*first.Article())
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if !maps.Equal(first.Terms(), again.Terms()) {
			t.Errorf("%s: terms differ when re-prepared from the clean article", a.ID)
		}
		s1, n1 := first.Sketch()
		s2, n2 := again.Sketch()
		if s1 != s2 || n1 != n2 {
			t.Errorf("%s: sketch differs when re-prepared from the clean article", a.ID)
		}
	}
}
