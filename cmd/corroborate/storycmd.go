package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/corroborate/corroborate/internal/pipeline"
	"github.com/corroborate/corroborate/internal/service"
)

const storyUsage = `Usage: corroborate story merge [flags] STORY STORY
       corroborate story split [flags] STORY ARTICLE...

Edits the stories in the store, as an editor decides. merge makes two
stories one: the larger keeps its ID and the other's ID resolves to it.
split moves the articles named out of STORY into a new story, named after
its first article; the part holding the article STORY is named after keeps
STORY's ID.
The decision is kept in the store, so a restart and other processes sharing
the store apply it too, and the stories it changed are analysed again.`

func runStory(ctx context.Context, args []string, env *environment) int {
	if len(args) == 0 || args[0] != "merge" && args[0] != "split" {
		if len(args) > 0 && !helpFlag(args[0]) {
			fmt.Fprintf(env.stderr, "corroborate story: unknown command %q\n\n", args[0])
		}
		fmt.Fprintln(env.stderr, storyUsage)
		return 2
	}
	op := args[0]
	fs := flag.NewFlagSet("story "+op, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	var db string
	dbFlag(fs, env, &db)
	wait := fs.Bool("wait", true, "analyse the stories left stale, those the edit changed among them, before returning")
	format := fs.String("format", "text", "output format: text, or json (the API's answer)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, storyUsage+"\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if op == "merge" && fs.NArg() != 2 || op == "split" && fs.NArg() < 2 || *format != "text" && *format != "json" {
		fs.Usage()
		return 2
	}
	if err := editStories(ctx, env, db, op, fs.Args(), *wait, *format); err != nil {
		fmt.Fprintln(env.stderr, "corroborate story:", err)
		return 1
	}
	return 0
}

// editStories opens the store, makes the edit and prints what it did.
func editStories(ctx context.Context, env *environment, db, op string, args []string, wait bool, format string) error {
	st, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	svc, err := service.Open(ctx, st, service.Options{Pipeline: pipeline.DefaultOptions(), Manual: true})
	if err != nil {
		return err
	}
	defer svc.Close()
	var done any
	var text string
	if op == "merge" {
		m, err := svc.Merge(ctx, args[0], args[1])
		if err != nil {
			return err
		}
		done = m
		text = fmt.Sprintf("merged %s into %s, which holds %d articles; %s now resolves to %s", m.Merged, m.Story, len(m.Articles), m.Merged, m.Story)
	} else {
		s, err := svc.Split(ctx, args[0], args[1:])
		if err != nil {
			return err
		}
		done = s
		text = fmt.Sprintf("split %s out of %s: %s", s.NewStory, s.Story, strings.Join(s.Articles, " "))
	}
	if wait {
		if err := svc.Settle(ctx); err != nil {
			return err
		}
	}
	if format == "json" {
		return json.NewEncoder(env.stdout).Encode(done)
	}
	_, err = fmt.Fprintln(env.stdout, text)
	return err
}
