OPENQASM 3.0;
include "stdgates.inc";
gate sxdg a {
  s a;
  h a;
  s a;
  gphase(-0.7853981633974483);
}
gate iswap a, b {
  s a;
  s b;
  h a;
  cx a, b;
  cx b, a;
  h b;
}
gate cu3(theta, phi, lambda) a, b {
  p(0.5*lambda + 0.5*phi) a;
  p(0.5*lambda - 0.5*phi) b;
  cx a, b;
  u3(-0.5*theta, 0, -0.5*lambda - 0.5*phi) b;
  cx a, b;
  u3(0.5*theta, phi, 0) b;
}
gate rxx(theta) a, b {
  h a;
  h b;
  cx a, b;
  rz(theta) b;
  cx a, b;
  h a;
  h b;
}
gate ryy(theta) a, b {
  rx(1.5707963267948966) a;
  rx(1.5707963267948966) b;
  cx a, b;
  rz(theta) b;
  cx a, b;
  rx(-1.5707963267948966) a;
  rx(-1.5707963267948966) b;
}
gate rzz(theta) a, b {
  cx a, b;
  rz(theta) b;
  cx a, b;
}
gate rzx(theta) a, b {
  h b;
  cx a, b;
  rz(theta) b;
  cx a, b;
  h b;
}
gate ecr a, b {
  rzx(0.7853981633974483) a, b;
  x a;
  rzx(-0.7853981633974483) a, b;
}
qubit[2] q;
qubit[1] anc;
id anc[0];
x anc[0];
y anc[0];
z anc[0];
h anc[0];
s anc[0];
sdg anc[0];
t anc[0];
tdg anc[0];
sx anc[0];
sxdg anc[0];
rx(4.385587406153931) anc[0];
ry(4.8343863566667595) anc[0];
rz(5.283185307179586) anc[0];
p(5.731984257692413) anc[0];
u2(6.180783208205241, 6.62958215871807) anc[0];
u3(6.62958215871807, 7.078381109230897, 7.527180059743724) anc[0];
cx anc[0], q[0];
cy anc[0], q[0];
cz anc[0], q[0];
ch anc[0], q[0];
swap anc[0], q[0];
iswap anc[0], q[0];
ccx anc[0], q[0], q[1];
cswap anc[0], q[0], q[1];
crx(10.668772713333519) anc[0], q[0];
cry(11.117571663846345) anc[0], q[0];
crz(11.566370614359172) anc[0], q[0];
cp(12.015169564872) anc[0], q[0];
cu3(12.463968515384826, 12.912767465897655, 13.361566416410483) anc[0], q[0];
cu(12.912767465897655, 13.361566416410483, 13.81036536692331, 14.25916431743614) anc[0], q[0];
rxx(13.361566416410483) anc[0], q[0];
ryy(13.81036536692331) anc[0], q[0];
rzz(14.25916431743614) anc[0], q[0];
rzx(14.707963267948966) anc[0], q[0];
ecr anc[0], q[0];
