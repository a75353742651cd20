#!/usr/bin/python3
"""Gradient descent on an etr2nn dataset, in exactly the dataset's architecture.

The model is f(x) = c + sum_i ReLU(a_i . x + b_i) v_i with m = hidden_neurons
(2 -> m ReLU -> 2), in float64.  The loss is the mean squared error over all
points and both outputs, (1/2n) sum_p |f(x_p) - y_p|^2 (torch's MSELoss).
Training is full-batch Adam from `restarts` random initialisations; the result
is the best loss over restarts, measured in the dataset's own units.

Inputs are centred and scaled per coordinate before the first layer.  That is
an affine map the first layer absorbs exactly (a' = a / s, b' = b - a . mu / s),
so the model class is unchanged; it only spares Adam the dataset's coordinate
scale (hundreds to millions).  --evaluate loads a network file with no such map,
so the weights are the file's, rounded once to float64.

    train.py DATASET [--steps N] [--restarts R] [--seed S] [--lr LR] [--json]
    train.py DATASET --evaluate NETWORK.json [--json]

Deterministic for a seed: torch.manual_seed per restart, one thread,
deterministic algorithms.
"""

import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import etr2nn_data  # noqa: E402  (the loader lives beside this script)


class TwoLayer(torch.nn.Module):
    """2 -> m ReLU -> 2 with a fixed input affine map (shift, scale) in front."""

    def __init__(self, m, shift=None, scale=None):
        super().__init__()
        self.hidden = torch.nn.Linear(2, m, dtype=torch.float64)
        self.out = torch.nn.Linear(m, 2, dtype=torch.float64)
        self.register_buffer("shift", torch.zeros(2, dtype=torch.float64) if shift is None else shift)
        self.register_buffer("scale", torch.ones(2, dtype=torch.float64) if scale is None else scale)
        self.identity_input = shift is None and scale is None

    def forward(self, x):
        if not self.identity_input:
            x = (x - self.shift) / self.scale
        return self.out(torch.relu(self.hidden(x)))


def _setup_torch():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)


def _tensors(dataset):
    X = torch.from_numpy(np.ascontiguousarray(dataset.X, dtype=np.float64))
    Y = torch.from_numpy(np.ascontiguousarray(dataset.Y, dtype=np.float64))
    return X, Y


def label_scale(dataset):
    """Mean squared label, the yardstick for 'small' losses (1 if every label is 0)."""
    s = float(np.mean(dataset.Y**2)) if len(dataset) else 0.0
    return s if s > 0 else 1.0


def constant_loss(dataset):
    """The loss of the best constant network (c = mean label, no neuron): the level any
    training must beat to have learned something."""
    return float(np.mean(np.var(dataset.Y, axis=0))) if len(dataset) else 0.0


def train(dataset, steps=1000, restarts=3, seed=0, lr=1e-2, log=None):
    """Trains from `restarts` initialisations; returns a dict with the best loss,
    the initial and final loss of each restart, and the seconds taken."""
    _setup_torch()
    if dataset.hidden_neurons < 1 or len(dataset) == 0:
        raise ValueError(f"{dataset.path}: nothing to train ({len(dataset)} points, "
                         f"{dataset.hidden_neurons} hidden neurons)")
    X, Y = _tensors(dataset)
    shift = X.mean(dim=0)
    scale = X.std(dim=0, unbiased=False)
    scale = torch.where(scale > 0, scale, torch.ones_like(scale))
    runs = []
    start = time.perf_counter()
    for r in range(restarts):
        torch.manual_seed(seed * 1_000_003 + r)
        model = TwoLayer(dataset.hidden_neurons, shift, scale)
        opt = torch.optim.Adam(model.parameters(), lr=lr)
        loss_fn = torch.nn.MSELoss()
        with torch.no_grad():
            initial = float(loss_fn(model(X), Y))
        best = initial
        for _ in range(steps):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(X), Y)
            loss.backward()
            opt.step()
            best = min(best, float(loss))
        with torch.no_grad():
            final = float(loss_fn(model(X), Y))
        best = min(best, final)
        runs.append({"restart": r, "initial": initial, "final": final, "best": best})
        if log:
            log(f"restart {r}: loss {initial:.6g} -> {final:.6g} (best {best:.6g})")
    return {
        "dataset": dataset.path,
        "points": len(dataset),
        "hidden_neurons": dataset.hidden_neurons,
        "steps": steps,
        "restarts": restarts,
        "seed": seed,
        "lr": lr,
        "runs": runs,
        "best_loss": min(run["best"] for run in runs),
        "label_scale": label_scale(dataset),
        "constant_loss": constant_loss(dataset),
        "seconds": time.perf_counter() - start,
    }


def model_of_network(network):
    """The same TwoLayer model with the network's weights (rounded once to float64)."""
    model = TwoLayer(network.hidden_neurons)
    with torch.no_grad():
        model.hidden.weight.copy_(torch.from_numpy(network.A))
        model.hidden.bias.copy_(torch.from_numpy(network.B))
        model.out.weight.copy_(torch.from_numpy(network.V.T.copy()))
        model.out.bias.copy_(torch.from_numpy(network.C))
    return model


def evaluate(dataset, network):
    """The network's float64 loss on the dataset, in the model trained above."""
    _setup_torch()
    if network.hidden_neurons > dataset.hidden_neurons:
        print(f"train.py: warning: the network has {network.hidden_neurons} neurons, "
              f"the dataset allows {dataset.hidden_neurons}", file=sys.stderr)
    X, Y = _tensors(dataset)
    model = model_of_network(network)
    with torch.no_grad():
        residual = model(X) - Y
        loss = float(torch.mean(residual**2))
        worst = float(residual.abs().max()) if len(dataset) else 0.0
    scale = label_scale(dataset)
    return {"dataset": dataset.path, "network": network.path, "loss": loss,
            "relative_loss": loss / scale, "max_abs_error": worst, "label_scale": scale}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("dataset", help="an etr2nn dataset (.json or .json.gz)")
    p.add_argument("--steps", type=int, default=1000, help="Adam steps per restart (default 1000)")
    p.add_argument("--restarts", type=int, default=3, help="random initialisations (default 3)")
    p.add_argument("--seed", type=int, default=0, help="seed of the first restart (default 0)")
    p.add_argument("--lr", type=float, default=1e-2, help="Adam learning rate (default 0.01)")
    p.add_argument("--evaluate", metavar="NETWORK", help="report this network file's float64 loss instead")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    args = p.parse_args(argv)
    if args.steps < 0 or args.restarts < 1:
        p.error("--steps must be >= 0 and --restarts >= 1")
    try:
        dataset = etr2nn_data.load_dataset(args.dataset)
        if args.evaluate:
            result = evaluate(dataset, etr2nn_data.load_network(args.evaluate))
        else:
            log = None if args.json else (lambda line: print(line, flush=True))
            result = train(dataset, args.steps, args.restarts, args.seed, args.lr, log)
    except (ValueError, OSError) as e:
        print(f"train.py: error: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result))
    elif args.evaluate:
        print(f"loss {result['loss']:.6g} (relative to the mean squared label {result['relative_loss']:.6g}), "
              f"max |error| {result['max_abs_error']:.6g}")
    else:
        print(f"best loss {result['best_loss']:.6g} over {args.restarts} restarts of {args.steps} steps "
              f"(relative {result['best_loss'] / result['label_scale']:.6g}; the best constant gives "
              f"{result['constant_loss']:.6g}), {result['seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
