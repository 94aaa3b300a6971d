package main

import (
	"flag"

	"github.com/corroborate/corroborate/internal/fetch"
)

// webFlags are the flags of commands that read URLs.
func webFlags(fs *flag.FlagSet, env *environment) *fetch.Options {
	opts := &fetch.Options{}
	positiveDurationVar(fs, &opts.Timeout, "timeout", fetch.DefaultTimeout, "time limit for fetching one URL, a `duration`")
	intAtLeastVar(fs, &opts.PerHost, "per-host", fetch.DefaultPerHost, 1, "`requests` in flight to one host")
	fs.StringVar(&opts.UserAgent, "user-agent", envOr(env, "CORROBORATE_USER_AGENT", fetch.UserAgent), "User-Agent sent with requests")
	fs.BoolVar(&opts.AllowPrivate, "allow-private", false, "allow URLs on loopback, link-local and private addresses")
	return opts
}
