package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// The flags below refuse, as a usage error naming the flag, a value
// outside what the flag can mean: a similarity of 7, a summary of -5
// words. The stages behind them would otherwise read such a value as
// something else, or fail on it.

// unitValue is a float flag from 0 to 1: a similarity.
type unitValue struct{ p *float64 }

func unitVar(fs *flag.FlagSet, p *float64, name string, value float64, usage string) {
	*p = value
	fs.Var(unitValue{p}, name, usage)
}

func (v unitValue) String() string {
	if v.p == nil {
		return "0"
	}
	return strconv.FormatFloat(*v.p, 'g', -1, 64)
}

func (v unitValue) Set(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || !(f >= 0 && f <= 1) { // NaN fails both
		return errors.New("want a number from 0 to 1")
	}
	*v.p = f
	return nil
}

// atLeastValue is an integer flag with a least value.
type atLeastValue[T int | int64] struct {
	p     *T
	least T
}

// intAtLeastVar defines an int flag of at least least.
func intAtLeastVar(fs *flag.FlagSet, p *int, name string, value, least int, usage string) {
	*p = value
	fs.Var(atLeastValue[int]{p, least}, name, usage)
}

// int64AtLeastVar defines an int64 flag of at least least.
func int64AtLeastVar(fs *flag.FlagSet, p *int64, name string, value, least int64, usage string) {
	*p = value
	fs.Var(atLeastValue[int64]{p, least}, name, usage)
}

func (v atLeastValue[T]) String() string {
	if v.p == nil {
		return "0"
	}
	return strconv.FormatInt(int64(*v.p), 10)
}

func (v atLeastValue[T]) Set(s string) error {
	n, err := strconv.ParseInt(s, 0, 64)
	if err != nil || n < int64(v.least) || int64(T(n)) != n {
		return fmt.Errorf("want a whole number of at least %d", v.least)
	}
	*v.p = T(n)
	return nil
}

// durationValue is a duration flag of at least 0, or, when positive, above
// 0: a time limit or a period, where 0 means nothing.
type durationValue struct {
	p        *time.Duration
	positive bool
}

func durationVar(fs *flag.FlagSet, p *time.Duration, name string, value time.Duration, usage string) {
	*p = value
	fs.Var(durationValue{p: p}, name, usage)
}

func positiveDurationVar(fs *flag.FlagSet, p *time.Duration, name string, value time.Duration, usage string) {
	*p = value
	fs.Var(durationValue{p: p, positive: true}, name, usage)
}

func (v durationValue) String() string {
	if v.p == nil {
		return "0s"
	}
	return v.p.String()
}

func (v durationValue) Set(s string) error {
	d, err := time.ParseDuration(s)
	switch {
	case v.positive && (err != nil || d <= 0):
		return errors.New("want a duration above 0 (20s, 10m)")
	case err != nil || d < 0:
		return errors.New("want a duration of at least 0 (90m, 168h)")
	}
	*v.p = d
	return nil
}

// choiceValue is a string flag that takes one of a few words.
type choiceValue struct {
	p       *string
	choices []string
}

func choiceVar(fs *flag.FlagSet, p *string, name, value string, choices []string, usage string) {
	*p = value
	fs.Var(choiceValue{p, choices}, name, usage)
}

func (v choiceValue) String() string {
	if v.p == nil {
		return ""
	}
	return *v.p
}

func (v choiceValue) Set(s string) error {
	for _, c := range v.choices {
		if s == c {
			*v.p = s
			return nil
		}
	}
	return fmt.Errorf("want %s or %s", strings.Join(v.choices[:len(v.choices)-1], ", "), v.choices[len(v.choices)-1])
}

// progressModes are what --progress takes.
var progressModes = []string{"auto", "always", "never"}
