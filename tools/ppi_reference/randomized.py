"""Randomised cross-check data (test-vector generation only, not shipped): 40 seeded data sets of
random sizes, dimensions, weights and predictor quality (tuned lambda clipped at 0 and at 1 in
many of them), with the ppi_py 0.2.3 results of the transcription in ppi_reference.py.
Run: python3 randomized.py DIR, then
mvn -o -pl radiotwin-learn test -Dtest=PpiPyRandomizedParityTest -Dppi.randomized.dir=DIR
"""
import sys, os, numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ppi_reference as P
out=sys.argv[1] if len(sys.argv) > 1 else '/tmp/ppi_stress'
os.makedirs(out, exist_ok=True)
rng=np.random.default_rng(7)
lines=[]
def put(k,v):
    v=np.atleast_1d(np.asarray(v,float)).ravel(); lines.append(k+' = '+' '.join(repr(float(x)) for x in v))
def csv(name, cols):
    keys=list(cols); n=len(cols[keys[0]])
    with open(os.path.join(out,name),'w') as f:
        f.write(','.join(keys)+'\n')
        for i in range(n): f.write(','.join(repr(float(cols[k][i])) for k in keys)+'\n')
for c in range(40):
    n=int(rng.integers(10,80)); N=int(rng.integers(20,400)); d=int(rng.integers(1,4))
    slope=rng.choice([-0.8,0.0,0.3,1.0,1.0]); noise=rng.choice([0.01,0.3,1.0,3.0])
    X=np.column_stack([np.ones(n)]+[rng.normal(0,1,n) for _ in range(d-1)]) if d>1 else np.ones((n,1))
    Xu=np.column_stack([np.ones(N)]+[rng.normal(0,1,N) for _ in range(d-1)]) if d>1 else np.ones((N,1))
    beta=rng.normal(0,1,d)
    Y=X@beta+rng.normal(0,1,n); Yu=Xu@beta+rng.normal(0,1,N)
    F=slope*Y+rng.normal(0,noise,n)+0.2; Fu=slope*Yu+rng.normal(0,noise,N)+0.2
    weighted = c%3==0
    w=rng.uniform(0.2,2,n) if weighted else None; wu=rng.uniform(0.2,2,N) if weighted else None
    cols={'Y':Y,'Yhat':F}; cols.update({'X%d'%j:X[:,j] for j in range(d)}); cols['w']=w if weighted else np.ones(n)
    colsu={'Yhat':Fu}; colsu.update({'X%d'%j:Xu[:,j] for j in range(d)}); colsu['w']=wu if weighted else np.ones(N)
    # logistic / poisson labels
    pb=P.safe_expit(X@beta); B=(rng.uniform(size=n)<pb).astype(float); Bu=(rng.uniform(size=N)<P.safe_expit(Xu@beta)).astype(float)
    Bh=np.clip(abs(slope)*B+(1-abs(slope))*0.5+rng.normal(0,0.1,n),0.01,0.99); Bhu=np.clip(abs(slope)*Bu+(1-abs(slope))*0.5+rng.normal(0,0.1,N),0.01,0.99)
    C=rng.poisson(np.exp(0.3*X@beta)).astype(float); Cu=rng.poisson(np.exp(0.3*Xu@beta)).astype(float)
    Ch=abs(slope)*C+0.5+rng.uniform(0,1,n); Chu=abs(slope)*Cu+0.5+rng.uniform(0,1,N)
    cols.update({'B':B,'Bhat':Bh,'C':C,'Chat':Ch}); colsu.update({'Bhat':Bhu,'Chat':Chu})
    K=3; FK=np.column_stack([Fu+rng.normal(0,0.2,N) for _ in range(K)])
    colsu.update({'Yhat_%d'%k:FK[:,k] for k in range(K)})
    csv('%d_l.csv'%c, cols); csv('%d_u.csv'%c, colsu)
    p='c%d.'%c
    alt=['two-sided','larger','smaller'][c%3]
    lam=P.ppi_mean_lhat(Y,F,Fu,w=w,w_unlabeled=wu)
    ci=P.ppi_mean_ci(Y,F,Fu,alpha=0.1,alternative=alt,lhat=lam,w=w,w_unlabeled=wu)
    put(p+'mean.est',P.ppi_mean_pointestimate(Y,F,Fu,w=w,w_unlabeled=wu)); put(p+'mean.lo',ci[0]); put(p+'mean.hi',ci[1]); put(p+'mean.lam',lam)
    put(p+'mean.p',P.ppi_mean_pval(Y,F,Fu,null=0.1,alternative=alt,w=w,w_unlabeled=wu))
    q=[0.1,0.5,0.9][c%3]
    ci=P.ppi_quantile_ci(Y,F,Fu,q,alpha=0.1,exact_grid=(c%2==0),w=w,w_unlabeled=wu)
    put(p+'q.est',P.ppi_quantile_pointestimate(Y,F,Fu,q,exact_grid=(c%2==0),w=w,w_unlabeled=wu)); put(p+'q.lo',ci[0]); put(p+'q.hi',ci[1])
    o=[]; ci=P.ppi_ols_ci(X,Y,F,Xu,Fu,alpha=0.1,alternative=alt,w=w,w_unlabeled=wu,_lhat_out=o)
    put(p+'ols.est',P.ppi_ols_pointestimate(X,Y,F,Xu,Fu,w=w,w_unlabeled=wu)); put(p+'ols.lo',ci[0]); put(p+'ols.hi',ci[1]); put(p+'ols.lam',o[0])
    try:
        o=[]; ci=P.ppi_logistic_ci(X,B,Bh,Xu,Bhu,alpha=0.1,w=w,w_unlabeled=wu,_lhat_out=o)
        put(p+'log.est',P.ppi_logistic_pointestimate(X,B,Bh,Xu,Bhu,w=w,w_unlabeled=wu)); put(p+'log.lo',ci[0]); put(p+'log.hi',ci[1]); put(p+'log.lam',o[0])
    except Exception as e: print('log',c,e)
    o=[]; ci=P.ppi_poisson_ci(X,C,Ch,Xu,Chu,alpha=0.1,w=w,w_unlabeled=wu,_lhat_out=o)
    put(p+'poi.est',P.ppi_poisson_pointestimate(X,C,Ch,Xu,Chu,w=w,w_unlabeled=wu)); put(p+'poi.lo',ci[0]); put(p+'poi.hi',ci[1]); put(p+'poi.lam',o[0])
    ci=P.crossppi_mean_ci(Y,F,FK,alpha=0.1,alternative=alt); put(p+'cm.lo',ci[0]); put(p+'cm.hi',ci[1])
    ci=P.crossppi_quantile_ci(Y,F,FK,q,alpha=0.1,alternative=alt,exact_grid=(c%2==1)); put(p+'cq.lo',ci[0]); put(p+'cq.hi',ci[1])
    put(p+'cq.est',P.crossppi_quantile_pointestimate(Y,F,FK,q,exact_grid=(c%2==1)))
    est,ci=P.crossppi_ols_ci(X,Y,F,Xu,FK,alpha=0.1,alternative=alt); put(p+'co.est',est); put(p+'co.lo',ci[0]); put(p+'co.hi',ci[1])
    put(p+'meta', [n,N,d,1 if weighted else 0, c%3, q, 1 if c%2==0 else 0])
open(os.path.join(out,'expected.txt'),'w').write('\n'.join(lines)+'\n')
print('ok')
