OPENQASM 2.0;
include "qelib1.inc";
gate rzx(theta) a, b {
  h b;
  cx a, b;
  rz(theta) b;
  cx a, b;
  h b;
}
qreg q[3];
qreg r[1];
creg c[2];
creg flag[1];
h q[0];
cx q[0], r[0];
rz(0.125) q[1];
barrier q[0], q[1], q[2];
measure r[0] -> flag[0];
reset r[0];
if(flag==1) x q[1];
if(flag==1) rzx(0.5) q[1], q[2];
measure q[0] -> c[0];
measure q[1] -> c[1];
if(c==2) u3(1, 2, 3) q[2];
if(c==3) reset q[0];
if(flag==0) measure q[2] -> c[1];
