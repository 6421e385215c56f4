#include "textflag.h"

// func sumRows(v *float32, vs *uint64, n int, out *[17]float32)
//
// out = the sum of the n rows vs[0..n) of packed weights v, added one row
// after another: labels 0-15 in four SSE registers of four lanes, label 16
// in a fifth. ADDPS adds each lane exactly as ADDSS does, so the sums are
// those of the Go loop in sumRowsGo. A row value is mask<<32 | offset: a
// full mask is a whole row of 17 weights, any other mask lists the labels
// of the weights stored from offset on (added through out in memory).
TEXT ·sumRows(SB), NOSPLIT, $0-32
	MOVQ v+0(FP), SI
	MOVQ vs+8(FP), DI
	MOVQ n+16(FP), CX
	MOVQ out+24(FP), DX
	XORPS X0, X0
	XORPS X1, X1
	XORPS X2, X2
	XORPS X3, X3
	XORPS X4, X4

loop:
	TESTQ CX, CX
	JZ    done
	MOVQ  (DI), AX
	MOVQ  AX, R8
	SHRQ  $32, R8
	MOVL  AX, AX
	LEAQ  (SI)(AX*4), BX
	CMPL  R8, $0x1ffff
	JNE   sparse
	MOVUPS 0(BX), X5
	ADDPS  X5, X0
	MOVUPS 16(BX), X6
	ADDPS  X6, X1
	MOVUPS 32(BX), X7
	ADDPS  X7, X2
	MOVUPS 48(BX), X8
	ADDPS  X8, X3
	MOVSS  64(BX), X9
	ADDSS  X9, X4
	ADDQ   $8, DI
	DECQ   CX
	JMP    loop

sparse:
	// Through memory: spill the sums, add each listed weight, reload.
	MOVUPS X0, 0(DX)
	MOVUPS X1, 16(DX)
	MOVUPS X2, 32(DX)
	MOVUPS X3, 48(DX)
	MOVSS  X4, 64(DX)
	TESTL  R8, R8
	JZ     reload

sloop:
	BSFL  R8, R9
	MOVSS (DX)(R9*4), X5
	ADDSS (BX), X5
	MOVSS X5, (DX)(R9*4)
	ADDQ  $4, BX
	LEAL  -1(R8), R10
	ANDL  R10, R8
	JNZ   sloop

reload:
	MOVUPS 0(DX), X0
	MOVUPS 16(DX), X1
	MOVUPS 32(DX), X2
	MOVUPS 48(DX), X3
	MOVSS  64(DX), X4
	ADDQ   $8, DI
	DECQ   CX
	JMP    loop

done:
	MOVUPS X0, 0(DX)
	MOVUPS X1, 16(DX)
	MOVUPS X2, 32(DX)
	MOVUPS X3, 48(DX)
	MOVSS  X4, 64(DX)
	RET
