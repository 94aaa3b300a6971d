package web

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// chromium finds a headless browser: $CORROBORATE_CHROMIUM, or Debian's
// chromium. CI installs it and must run this test; elsewhere it skips.
func chromium(t *testing.T) string {
	t.Helper()
	for _, path := range []string{os.Getenv("CORROBORATE_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if path == "" {
			continue
		}
		if _, err := exec.LookPath(path); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found, and CI must run the browser test")
	}
	t.Skip("no Chromium: install Debian's chromium (or set CORROBORATE_CHROMIUM) to run the browser test")
	return ""
}

// browse starts headless Chromium and returns the context its actions
// run in.
func browse(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 2000),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	return ctx
}

// screenshot saves the page as name in $CORROBORATE_SCREENSHOTS, or a
// temporary folder, for a person to look at: a PNG when name ends .png,
// else a JPEG.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	quality := 90
	if strings.HasSuffix(name, ".png") {
		quality = 100 // chromedp's sign for PNG
	}
	shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(quality))
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("CORROBORATE_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
}

// TestBrowser opens the sample corpus's story page in headless Chromium
// with JavaScript off, checks that the conflicts table and citation links
// are there and work, and that the editing controls, which need the
// script, do not show; and saves a screenshot.
func TestBrowser(t *testing.T) {
	ctx := browse(t)
	f := newFixture(t, Config{})
	stories := f.load(t)
	flood := stories["courier-flood-1"]

	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Steps(
		chromedp.Navigate(f.srv.URL+"/stories/"+flood),
		chromedp.WaitVisible("table.conflicts"),
	)); err != nil {
		t.Fatal(err)
	}
	shown, err := chromedp.Run(ctx, chromedp.Evaluate[int](`[...document.querySelectorAll("#edit, input.pick")].filter(e => e.checkVisibility()).length`))
	if err != nil || shown != 0 {
		t.Errorf("%d editing controls show without JavaScript: %v", shown, err)
	}
	headline, err := chromedp.Run(ctx, chromedp.Text("h1"))
	if err != nil || !strings.Contains(headline, "Marrowby") {
		t.Errorf("headline %q, %v", headline, err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("table.conflicts tbody tr:not(.subject)").length`))
	if err != nil || rows < 2 {
		t.Errorf("conflicts table has %d rows, want a row per disputed value: %v", rows, err)
	}
	citations, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#summary a.cite").length`))
	if err != nil || citations == 0 {
		t.Errorf("summary has %d citations: %v", citations, err)
	}
	first, err := chromedp.Run(ctx, chromedp.AttributeValue("#summary a.cite", "href"))
	if err != nil || !strings.HasPrefix(first.Value, "#src-") {
		t.Fatalf("first citation links to %q: %v", first.Value, err)
	}
	target, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("`+first.Value+`") !== null`))
	if err != nil || !target {
		t.Errorf("citation %s points at nothing: %v", first.Value, err)
	}
	screenshot(t, ctx, "story.jpg")
}
