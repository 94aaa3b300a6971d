#!/usr/bin/python3
"""The peer corroborate's story clustering is measured against.

scikit-learn TF-IDF vectors with average-linkage agglomerative clustering on
cosine distance, the usual strong baseline for grouping news into stories. It
is given every chance: for each set it reports the distance threshold that
scores best (an oracle choice corroborate does not get), and the threshold
that does best over all the sets together.

Input is JSON Lines with "title", "text" and a gold "story" label, as
`corroborate eval convert --dataset NAME PATH` writes. Run it with Debian's
python3-sklearn:

    /usr/bin/python3 bench/peer_sklearn.py /tmp/sets/*.jsonl

For each file it prints the best threshold's scores (B-cubed P/R/F1, NMI, ARI,
accuracy, stories found) and the seconds one fit at that threshold takes,
vectorising included and reading the file excluded.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import squareform
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score
from sklearn.metrics.pairwise import cosine_distances

THRESHOLDS = [round(0.30 + 0.01 * i, 2) for i in range(70)]  # 0.30 … 0.99


def read(path):
    texts, gold = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                texts.append((rec.get("title") or "") + "\n" + rec["text"])
                gold.append(str(rec["story"]))
    return texts, gold


def vectorize(texts):
    return TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)


def scores(gold, pred):
    """The same definitions as corroborate's internal/eval."""
    n = len(gold)
    g = {l: i for i, l in enumerate(dict.fromkeys(gold))}
    p = {l: i for i, l in enumerate(dict.fromkeys(pred))}
    gi = np.array([g[x] for x in gold])
    pi = np.array([p[x] for x in pred])
    joint = np.zeros((len(g), len(p)), dtype=np.int64)
    np.add.at(joint, (gi, pi), 1)
    gsize, psize = joint.sum(1), joint.sum(0)
    rows, cols = joint.nonzero()
    c = joint[rows, cols].astype(float)
    precision = float((c * c / psize[cols]).sum() / n)
    recall = float((c * c / gsize[rows]).sum() / n)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    r, k = linear_sum_assignment(-joint)
    return {
        "P": precision, "R": recall, "F1": f1,
        "NMI": normalized_mutual_info_score(gi, pi),
        "ARI": adjusted_rand_score(gi, pi),
        "accuracy": float(joint[r, k].sum() / n),
        "stories": len(p),
    }


def distances(x):
    """Cosine distances between the rows that have any term; a text with
    none (all stop words) cannot be compared and stays a story of its own."""
    rows = np.flatnonzero(x.getnnz(axis=1))
    dist = cosine_distances(x[rows])
    np.fill_diagonal(dist, 0)
    return rows, dist


def labelled(n, rows, labels):
    out = [f"alone{i}" for i in range(n)]
    for i, label in zip(rows, labels):
        out[i] = str(label)
    return out


def sweep(x, gold):
    """Scores at every threshold, from one average-linkage tree (cutting the
    tree at t gives what AgglomerativeClustering(distance_threshold=t) does)."""
    rows, dist = distances(x)
    tree = linkage(squareform(dist, checks=False), method="average")
    return {t: scores(gold, labelled(len(gold), rows, fcluster(tree, t, criterion="distance"))) for t in THRESHOLDS}


def fit(texts, threshold):
    start = time.perf_counter()
    rows, dist = distances(vectorize(texts))
    labels = AgglomerativeClustering(n_clusters=None, distance_threshold=threshold, metric="precomputed",
                                     linkage="average").fit_predict(dist)
    return labelled(len(texts), rows, labels), time.perf_counter() - start


def line(name, t, s, seconds):
    return (f"{name:<22} t={t:.2f}  B3 P {s['P']:.3f} R {s['R']:.3f} F1 {s['F1']:.3f}  NMI {s['NMI']:.3f}"
            f"  ARI {s['ARI']:.3f}  acc {s['accuracy']:.3f}  stories {s['stories']}  {seconds:.2f}s")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    sets, results = {}, {}
    for path in args.files:
        name = os.path.basename(path).removesuffix(".jsonl")
        texts, gold = read(path)
        sets[name] = (texts, gold, sweep(vectorize(texts), gold))
    # The one threshold that does best over all sets (mean B-cubed F1).
    shared = max(THRESHOLDS, key=lambda t: sum(s[2][t]["F1"] for s in sets.values()))
    for name, (texts, gold, by_t) in sets.items():
        best = max(THRESHOLDS, key=lambda t: by_t[t]["F1"])
        labels, seconds = fit(texts, best)
        results[name] = {"best": {"threshold": best, "seconds": seconds, **scores(gold, labels)},
                         "shared": {"threshold": shared, **by_t[shared]}, "items": len(texts)}
        if not args.json:
            print(line(name, best, results[name]["best"], seconds))
            print(line("  at shared threshold", shared, by_t[shared], 0))
    if args.json:
        json.dump(results, sys.stdout, indent=2)
        print()


if __name__ == "__main__":
    main()
