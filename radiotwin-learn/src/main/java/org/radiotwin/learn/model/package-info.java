/**
 * Differentiable models (multinomial logistic regression, multilayer perceptron) and per-sample
 * losses (softmax cross-entropy, squared error) with hand-written gradients, evaluated on primitive
 * arrays with caller-owned work buffers.
 */
package org.radiotwin.learn.model;
