// Three-qubit GHZ state with a tunable first rotation: theta = pi/2 gives (|000> + |111>)/sqrt(2).
OPENQASM 3.0;
include "stdgates.inc";
input float[64] theta;
qubit[3] q;
bit[3] c;
ry(theta) q[0];
cx q[0], q[1];
cx q[1], q[2];
c = measure q;
