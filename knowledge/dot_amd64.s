// SPDX-License-Identifier: EUPL-1.2

//go:build amd64 && !purego

#include "textflag.h"

// func dotRowsAVX2(q *float32, m *float32, dim int, rows int, out *float32)
//
// out[r] = Σ q[i]·m[r·dim+i] for r < rows, with AVX2 fused multiply-adds.
// dim must be a positive multiple of 8. Each row is summed in the same
// order whatever rows is, so one row scored alone and the same row scored
// in a batch give bit-identical results.
TEXT ·dotRowsAVX2(SB), NOSPLIT, $0-40
	MOVQ q+0(FP), SI
	MOVQ m+8(FP), DI
	MOVQ dim+16(FP), BX
	MOVQ rows+24(FP), DX
	MOVQ out+32(FP), R8
	SHLQ $2, BX       // bytes per row
	MOVQ BX, R9
	ANDQ $-128, R9    // bytes covered by the 32-float loop
	TESTQ DX, DX
	JZ   done

row:
	VXORPS Y0, Y0, Y0
	VXORPS Y1, Y1, Y1
	VXORPS Y2, Y2, Y2
	VXORPS Y3, Y3, Y3
	XORQ AX, AX

loop32:
	CMPQ AX, R9
	JGE  loop8
	VMOVUPS (SI)(AX*1), Y4
	VMOVUPS 32(SI)(AX*1), Y5
	VMOVUPS 64(SI)(AX*1), Y6
	VMOVUPS 96(SI)(AX*1), Y7
	VFMADD231PS (DI)(AX*1), Y4, Y0
	VFMADD231PS 32(DI)(AX*1), Y5, Y1
	VFMADD231PS 64(DI)(AX*1), Y6, Y2
	VFMADD231PS 96(DI)(AX*1), Y7, Y3
	ADDQ $128, AX
	JMP  loop32

loop8:
	CMPQ AX, BX
	JGE  reduce
	VMOVUPS (SI)(AX*1), Y4
	VFMADD231PS (DI)(AX*1), Y4, Y0
	ADDQ $32, AX
	JMP  loop8

reduce:
	VADDPS Y1, Y0, Y0
	VADDPS Y3, Y2, Y2
	VADDPS Y2, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS X1, X0, X0
	VHADDPS X0, X0, X0
	VHADDPS X0, X0, X0
	VMOVSS X0, (R8)
	ADDQ $4, R8
	ADDQ BX, DI
	DECQ DX
	JNZ  row

done:
	VZEROUPPER
	RET
