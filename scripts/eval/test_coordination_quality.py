#!/usr/bin/env python3
"""Checks coordination_quality.py on small hand-made files with known answers."""
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import coordination_quality as cq  # noqa: E402

TRUTH = """account_id,handle,role,kind,campaign,switch_time,from_stance,to_stance
1,a,campaign,copy_paste,c01,2017-02-03T09:00:00Z,pro_kremlin,anti_candidate
2,b,campaign,subtle,c02,2017-02-03T09:00:00Z,anti_ukraine,anti_candidate
3,c,organic,news_reactor,,2017-02-10T18:00:00Z,none,anti_candidate
4,d,organic,ordinary,,,,
5,e,organic,viral_retweeter,,,,
"""


class AveragePrecisionTests(unittest.TestCase):
    def test_perfect_ranking(self):
        self.assertAlmostEqual(cq.average_precision([(0.9, 1), (0.8, 1), (0.1, 0), (0.0, 0)]), 1.0)

    def test_one_negative_first(self):
        # positives at ranks 2 and 3: (1/2 + 2/3) / 2
        self.assertAlmostEqual(cq.average_precision([(0.9, 0), (0.8, 1), (0.7, 1), (0.1, 0)]), (0.5 + 2 / 3) / 2)

    def test_all_tied_gives_prevalence(self):
        self.assertAlmostEqual(cq.average_precision([(0.5, 1), (0.5, 0), (0.5, 0), (0.5, 0)]), 0.25)


class EndToEndTests(unittest.TestCase):
    def run_files(self, accounts):
        with tempfile.TemporaryDirectory() as directory:
            truth_path = os.path.join(directory, "truth.csv")
            accounts_path = os.path.join(directory, "accounts.csv")
            with open(truth_path, "w") as handle:
                handle.write(TRUTH)
            with open(accounts_path, "w") as handle:
                handle.write(accounts)
            return cq.evaluate(cq.read_truth(truth_path), cq.read_scores(accounts_path)), directory

    def test_news_reactor_in_top_k_and_missing_accounts(self):
        result, _ = self.run_files("account_id,account,score,rank,cluster\n1,a,0.9,1,0\n3,c,0.8,2,0\n2,b,0.2,3,1\n")
        self.assertEqual(result["k"], 2)
        self.assertAlmostEqual(result["precision_at_k"], 0.5)
        self.assertEqual(result["organic_in_top_k"]["news_reactor"], 1)
        self.assertEqual(result["organic_in_top_k"]["ordinary"], 0)
        self.assertAlmostEqual(result["auc_pr"], (1 + 2 / 3) / 2)
        self.assertEqual(result["recall_at_k_by_style"], {"copy_paste": 1.0, "subtle": 0.0})

    def test_cli_prints_figures(self):
        with tempfile.TemporaryDirectory() as directory:
            truth_path = os.path.join(directory, "truth.csv")
            accounts_path = os.path.join(directory, "accounts.csv")
            open(truth_path, "w").write(TRUTH)
            open(accounts_path, "w").write("account_id,score\n1,1\n2,0.5\n")
            output = subprocess.run(
                [sys.executable, os.path.join(os.path.dirname(__file__), "coordination_quality.py"), truth_path, accounts_path],
                check=True, capture_output=True, text=True,
            ).stdout
            self.assertIn("AUC-PR (average precision)  1.0000", output)
            self.assertIn("precision@k = recall@k      1.0000   (k = 2)", output)


if __name__ == "__main__":
    unittest.main()
