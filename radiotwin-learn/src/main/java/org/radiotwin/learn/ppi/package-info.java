/**
 * Prediction-powered inference (PPI, PPI++ and Cross-PPI) with numbers that agree with the
 * reference implementation ppi_py 0.2.3.
 *
 * <p>Labelled data (X<sub>i</sub>, Y<sub>i</sub>), i ≤ n, come with predictions f(X<sub>i</sub>);
 * unlabelled inputs X̃<sub>j</sub>, j ≤ N, come with predictions only. The estimators combine the
 * imputed estimate on the unlabelled predictions with a rectifier measured on the labelled data:
 * θ̂<sub>λ</sub> = argmin λ·L̃(θ; f(X̃)) + L(θ; Y) − λ·L(θ; f(X)). λ = 1 is PPI (Angelopoulos et
 * al., Science 382, 2023, doi:10.1126/science.adi6000), λ = 0 the classical estimator on labelled
 * data only, and the tuned λ of PPI++ (Angelopoulos, Duchi, Zrnic, arXiv:2311.01453) minimises the
 * asymptotic variance. Cross-PPI (Zrnic and Candès, PNAS 121, 2024, doi:10.1073/pnas.2322083121)
 * averages the predictions of K fold models on the unlabelled data.
 *
 * <p>Every interval is a normal (z) interval as statsmodels' {@code _zconfint_generic}, every
 * standard deviation a population one (ddof 0) and every covariance of gradients a sample one (ddof
 * 1), exactly where ppi_py uses them. The few places where these classes deliberately differ from
 * ppi_py (a ppi_py bug, or an undefined case) are listed in the javadoc of the class concerned and
 * in the README.
 */
package org.radiotwin.learn.ppi;
