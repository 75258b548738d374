package parley.classify.train;

/**
 * L2-penalized logistic regression on top of a fixed margin per row (an offset: what the shipped model already says),
 * {@code p = sigmoid(offset + w · x + w0)}, minimizing {@code Σ logloss + penalty / 2 · (|w|² + w0²)}; targets may be
 * soft (a probability: a row that should keep the model's own score gets that score as its target). The correction
 * starts at zero and moves only as far as the verdicts pay for. Fitted by L-BFGS (the loss is smooth and strictly
 * convex); each step costs one pass over the rows, so thousands of verdicts over a 384-wide vector fit in well under a
 * second.
 */
final class OffsetLogistic {
  private static final int MEMORY = 8, MAX_STEPS = 300;
  private static final double TOLERANCE = 1e-6;

  private OffsetLogistic() {}

  /** Weights then the intercept ({@code x[0].length + 1} values). */
  static double[] fit(double[][] x, double[] offset, double[] y, double penalty) {
    int d = x[0].length + 1;
    double[] w = new double[d], g = new double[d];
    double f = lossAndGradient(x, offset, y, penalty, w, g);
    double[][] s = new double[MEMORY][], t = new double[MEMORY][];
    double[] rho = new double[MEMORY];
    int stored = 0;
    for (int step = 0; step < MAX_STEPS && norm(g) > TOLERANCE * Math.max(1, norm(w)); step++) {
      double[] dir = direction(g, s, t, rho, stored);
      double slope = dot(dir, g);
      if (slope >= 0) { // not a descent direction: restart from the gradient
        dir = scaled(g, -1);
        slope = dot(dir, g);
        stored = 0;
      }
      double alpha = stored == 0 && step == 0 ? 1 / Math.max(1, norm(g)) : 1, fNew;
      double[] wNew = new double[d], gNew = new double[d];
      while (true) { // backtracking: Armijo's sufficient decrease
        for (int i = 0; i < d; i++) wNew[i] = w[i] + alpha * dir[i];
        fNew = lossAndGradient(x, offset, y, penalty, wNew, gNew);
        if (fNew <= f + 1e-4 * alpha * slope || alpha < 1e-10) break;
        alpha /= 2;
      }
      double[] sk = new double[d], tk = new double[d];
      for (int i = 0; i < d; i++) {
        sk[i] = wNew[i] - w[i];
        tk[i] = gNew[i] - g[i];
      }
      double st = dot(sk, tk);
      if (st > 1e-12) {
        int slot = stored < MEMORY ? stored++ : rotate(s, t, rho);
        s[slot] = sk;
        t[slot] = tk;
        rho[slot] = 1 / st;
      }
      boolean converged = f - fNew < TOLERANCE * Math.max(1, Math.abs(f));
      w = wNew;
      g = gNew;
      f = fNew;
      if (converged) break;
    }
    return w;
  }

  /** The margin the correction adds for one row. */
  static double margin(double[] w, double[] x) {
    double z = w[x.length];
    for (int i = 0; i < x.length; i++) z += w[i] * x[i];
    return z;
  }

  /** Cross-entropy of a target probability {@code y} against {@code sigmoid(margin)}, without overflow. */
  static double logLoss(double margin, double y) {
    return y * softplus(-margin) + (1 - y) * softplus(margin);
  }

  private static double softplus(double m) {
    return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  }

  private static double lossAndGradient(double[][] x, double[] offset, double[] y, double penalty, double[] w, double[] g) {
    int d = w.length;
    double f = 0;
    for (int i = 0; i < d; i++) {
      g[i] = penalty * w[i];
      f += penalty / 2 * w[i] * w[i];
    }
    for (int r = 0; r < x.length; r++) {
      double m = offset[r] + margin(w, x[r]);
      f += logLoss(m, y[r]);
      double residual = 1 / (1 + Math.exp(-m)) - y[r];
      double[] xr = x[r];
      for (int i = 0; i < xr.length; i++) g[i] += residual * xr[i];
      g[d - 1] += residual;
    }
    return f;
  }

  /** Two-loop recursion: the inverse-Hessian estimate times the negative gradient. */
  private static double[] direction(double[] g, double[][] s, double[][] t, double[] rho, int stored) {
    double[] q = g.clone();
    double[] a = new double[stored];
    for (int k = stored - 1; k >= 0; k--) {
      a[k] = rho[k] * dot(s[k], q);
      for (int i = 0; i < q.length; i++) q[i] -= a[k] * t[k][i];
    }
    double gamma = stored == 0 ? 1 : dot(s[stored - 1], t[stored - 1]) / dot(t[stored - 1], t[stored - 1]);
    for (int i = 0; i < q.length; i++) q[i] *= gamma;
    for (int k = 0; k < stored; k++) {
      double b = rho[k] * dot(t[k], q);
      for (int i = 0; i < q.length; i++) q[i] += s[k][i] * (a[k] - b);
    }
    return scaled(q, -1);
  }

  /** Drops the oldest pair; returns the free slot (the last). */
  private static int rotate(double[][] s, double[][] t, double[] rho) {
    System.arraycopy(s, 1, s, 0, MEMORY - 1);
    System.arraycopy(t, 1, t, 0, MEMORY - 1);
    System.arraycopy(rho, 1, rho, 0, MEMORY - 1);
    return MEMORY - 1;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  }

  private static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  private static double[] scaled(double[] a, double k) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) out[i] = a[i] * k;
    return out;
  }
}
