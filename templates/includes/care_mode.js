if (/(^|;\s*)gx_care=1(;|$)/.test(document.cookie)) document.documentElement.classList.add("care");
