// Command corroborate reads news articles from many outlets, finds the
// stories they tell, and shows for each what the sources agree on, where
// they differ, who said what and who cites whom.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// command is one subcommand: its name, a line of help, and what it runs.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, env *environment) int
}

// environment is what a command may touch: its streams and the process
// environment variables, passed in so tests can replace them.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

var commands = []command{
	{"analyze", "read articles and print a cross-checked report per story", runAnalyze},
	{"extract", "read one web page and print its article and metadata", runExtract},
	{"ingest", "add articles to the store; stories grow as they arrive", runIngest},
	{"serve", "serve the API, web pages and Atom feed from the store", runServe},
	{"story", "merge two stories in the store, or split one (story merge|split …)", runStory},
	{"eval", "score stories, comparison, summaries or extraction (eval clusters …)", runEval},
	{"bench", "time the pipeline on a pool of articles and print figures", runBench},
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &environment{stdin: stdin, stdout: stdout, stderr: stderr, getenv: os.Getenv}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, args[1:], env)
		}
	}
	fmt.Fprintf(stderr, "corroborate: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: corroborate <command> [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, `Run "corroborate <command> -h" for a command's flags.`)
}
