"""Known-wrong discounted returns, one per misconception in exercise.yaml (trusted)."""

import numpy as np


def forward_accumulation(rewards, gamma):
    # The running sum goes from the start of the episode: G_t = r_t + gamma * G_{t-1}.
    returns = np.empty_like(rewards)
    g = 0.0
    for t in range(len(rewards)):
        g = rewards[t] + gamma * g
        returns[t] = g
    return returns


def excludes_current_reward(rewards, gamma):
    # G_t is stored before r_t is added: only the rewards after step t count.
    returns = np.empty_like(rewards)
    g = 0.0
    for t in range(len(rewards) - 1, -1, -1):
        returns[t] = g
        g = rewards[t] + gamma * g
    return returns


def discount_starts_at_gamma(rewards, gamma):
    # gamma^(k+1) instead of gamma^k: even the immediate reward is discounted.
    returns = np.empty_like(rewards)
    g = 0.0
    for t in range(len(rewards) - 1, -1, -1):
        g = gamma * (rewards[t] + g)
        returns[t] = g
    return returns


def discount_from_episode_start(rewards, gamma):
    # gamma^t' with the absolute time t', not the delay t' - t from the current step.
    weighted = gamma ** np.arange(len(rewards)) * rewards
    return np.cumsum(weighted[::-1])[::-1]


def first_return_broadcast(rewards, gamma):
    # Only the return of the whole episode, G_0, copied to every step.
    g0 = np.sum(gamma ** np.arange(len(rewards)) * rewards)
    return np.full_like(rewards, g0)


def no_discount(rewards, gamma):
    # gamma is ignored: the plain sum of the remaining rewards.
    return np.cumsum(rewards[::-1])[::-1]


def forward_sum_reversed(rewards, gamma):
    # The running sum goes forwards and only the finished list is reversed:
    # `for r in rewards: g = r + gamma * g; out.append(g)`, then `out[::-1]`.
    out = []
    g = 0.0
    for r in rewards:
        g = r + g * gamma
        out.append(g)
    return np.array(out[::-1])


def normalized_returns(rewards, gamma):
    # REINFORCE's variance reduction copied in: the returns standardised to mean 0, std 1.
    returns = np.empty_like(rewards)
    g = 0.0
    for t in range(len(rewards) - 1, -1, -1):
        g = rewards[t] + gamma * g
        returns[t] = g
    return (returns - returns.mean()) / (returns.std() + 1e-8)
