package main

import (
	"context"
	"strings"
	"testing"
)

// TestStoreName checks that what serve prints about its store keeps the
// place and drops the password.
func TestStoreName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"corroborate.db", "corroborate.db"},
		{"/var/lib/news#2.db", "/var/lib/news#2.db"},
		{"postgres://news:s3cret@db.example:5432/news?sslmode=require", "postgres://news:xxxxx@db.example:5432/news?sslmode=require"},
		{"postgresql://news@db.example/news", "postgresql://news@db.example/news"},
		{"postgres://db.example/news?user=news&password=s3cret", "postgres://db.example/news?password=xxxxx&user=news"},
		{"postgres://news:s3cret@db.example:bad port/news", "postgres://…"},
	} {
		got := storeName(tc.in)
		if got != tc.want {
			t.Errorf("storeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if strings.Contains(got, "s3cret") {
			t.Errorf("storeName(%q) shows the password", tc.in)
		}
	}
}

func TestOpenStoreRefusesNoName(t *testing.T) {
	if s, err := openStore(context.Background(), ""); err == nil {
		s.Close()
		t.Fatal(`openStore("") opened a store`)
	} else if !strings.Contains(err.Error(), "--db") {
		t.Errorf("error %q does not name --db", err)
	}
}
