OPENQASM 3.0;
include "stdgates.inc";
input float[64] theta;
input float[64] x0;
gate rzx(theta_) a, b {
  h b;
  cx a, b;
  rz(theta_) b;
  cx a, b;
  h b;
}
gate ecr a, b {
  rzx(0.7853981633974483) a, b;
  x a;
  rzx(-0.7853981633974483) a, b;
}
qubit[3] q;
qubit[1] r;
bit[2] c;
bit[1] flag;
h q[0];
cx q[0], r[0];
rz(0.5*theta + 0.25*x0 - 3.141592653589793) q[1];
barrier q[0], q[1], q[2];
flag[0] = measure r[0];
reset r[0];
if (flag == 1) {
  x q[1];
  rzx(0.5) q[1], q[2];
}
c[0] = measure q[0];
c[1] = measure q[1];
if (c == 2) {
  u3(1, 2, 3) q[2];
}
if (c == 3) {
  reset q[0];
}
if (flag == 0) {
  c[1] = measure q[2];
}
ctrl(2) @ negctrl @ x q[0], q[1], q[2], r[0];
negctrl @ ecr q[0], q[2], r[0];
if (c[1] == 1 && flag[0] == 0) {
  ry(-theta) q[0];
}
barrier q[0], q[1], q[2], r[0];
